package io.identities.identity.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the organization's identities a search keeps, for its list and for the dashboard's
 * figures alike.
 *
 * @param text words of the name, in any order, any case, accents or punctuation (see {@link
 *     SearchText}); null, or no letter or digit, for all
 * @param linkedinConnected only those with (true) or without (false) a connected LinkedIn account
 * @param emailConnected only those with (true) or without (false) a connected inbox
 */
public record IdentityFilter(String text, Boolean linkedinConnected, Boolean emailConnected) {

  /** The longest text searched. */
  public static final int MAX_TEXT = 120;

  /** Whether it keeps every identity: no word to look for, no channel asked about. */
  public boolean keepsAll() {
    return words().isEmpty() && linkedinConnected == null && emailConnected == null;
  }

  /** Its conditions on the entity's fields, for JPQL. */
  Conditions onEntity() {
    return conditions("searchName", "linkedinConnected", "emailConnected");
  }

  /** Its conditions on the {@code identity} table's columns, for SQL. */
  Conditions onTable() {
    return conditions("search_name", "linkedin_connected", "email_connected");
  }

  private Conditions conditions(String searchName, String linkedin, String email) {
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    List<String> words = words();
    for (int i = 0; i < words.size(); i++) { // folded words hold no wildcard of like
      where.add(searchName + " like :word" + i);
      parameters.put("word" + i, "%" + words.get(i) + "%");
    }
    if (linkedinConnected != null) {
      where.add(linkedin + " = :linkedin");
      parameters.put("linkedin", linkedinConnected);
    }
    if (emailConnected != null) {
      where.add(email + " = :email");
      parameters.put("email", emailConnected);
    }
    return new Conditions(String.join(" and ", where), parameters);
  }

  private List<String> words() {
    return text == null ? List.of() : SearchText.words(text);
  }

  /** Conditions joined by {@code and}, empty when there are none, and their named parameters. */
  record Conditions(String where, Map<String, Object> parameters) {}
}
