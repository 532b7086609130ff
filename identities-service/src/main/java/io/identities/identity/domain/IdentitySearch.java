package io.identities.identity.domain;

import io.quarkus.panache.common.Sort;

/**
 * A search of the organization's identities.
 *
 * @param text words of the name, in any order, any case, accents or punctuation; null for all
 * @param linkedinConnected only those with (true) or without (false) a connected LinkedIn account
 * @param emailConnected only those with (true) or without (false) a connected inbox
 * @param order {@code name}, {@code createdAt} or {@code updatedAt}, with {@code -} for descending
 */
public record IdentitySearch(
    String text,
    Boolean linkedinConnected,
    Boolean emailConnected,
    String order,
    int page,
    int size) {

  /** The accepted orders, for validation at the edge. */
  public static final String ORDERS = "-?(name|createdAt|updatedAt)";

  /** Names sort without case or accents, as they are searched. */
  Sort sort() {
    String field = order.replaceFirst("^-", "");
    String property = field.equals("name") ? "searchName" : field;
    Sort sort = order.startsWith("-") ? Sort.descending(property) : Sort.ascending(property);
    return sort.and("id");
  }
}
