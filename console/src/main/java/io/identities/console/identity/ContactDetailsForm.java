package io.identities.console.identity;

import io.identities.console.services.Identities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The Contact details tab as typed, with the version of the identity it was typed over: saved only
 * if nobody saved the identity meanwhile.
 */
public class ContactDetailsForm {

  @RestForm public long version;
  @RestForm public String name;
  @RestForm public String firstName;
  @RestForm public String lastName;
  @RestForm public String jobTitle;
  @RestForm public String email;
  @RestForm public String linkedinUrl;
  @RestForm public String meetingUrl;
  @RestForm public String phone;

  /** A field of the form: its name (the service's too), its label and its input type. */
  public record Field(String name, String label, String type) {}

  private static final List<Field> FIELDS =
      List.of(
          new Field("name", "Identity name", "text"),
          new Field("firstName", "First name", "text"),
          new Field("lastName", "Last name", "text"),
          new Field("jobTitle", "Job title", "text"),
          new Field("email", "Email", "email"),
          new Field("linkedinUrl", "LinkedIn URL", "text"),
          new Field("meetingUrl", "Schedule meeting URL", "url"),
          new Field("phone", "Phone", "tel"));

  public List<Field> fields() {
    return FIELDS;
  }

  /** The fields' names, as identities-service names them in its problems. */
  String[] fieldNames() {
    return FIELDS.stream().map(Field::name).toArray(String[]::new);
  }

  /** What the form holds in {@code field}. */
  public String value(String field) {
    return switch (field) {
      case "name" -> name;
      case "firstName" -> firstName;
      case "lastName" -> lastName;
      case "jobTitle" -> jobTitle;
      case "email" -> email;
      case "linkedinUrl" -> linkedinUrl;
      case "meetingUrl" -> meetingUrl;
      case "phone" -> phone;
      default -> throw new IllegalArgumentException("no field " + field);
    };
  }

  /** The form filled in with what the identity holds now. */
  static ContactDetailsForm of(Identities.Identity identity) {
    ContactDetailsForm form = new ContactDetailsForm();
    form.version = identity.version();
    form.name = identity.name();
    form.firstName = identity.firstName();
    form.lastName = identity.lastName();
    form.jobTitle = identity.jobTitle();
    form.email = identity.email();
    form.linkedinUrl = identity.linkedinUrl();
    form.meetingUrl = identity.meetingUrl();
    form.phone = identity.phone();
    return form;
  }

  /** What to save: every field, a blank one cleared (a blank name becomes "first last"). */
  Identities.ContactDetails details() {
    return new Identities.ContactDetails(
        blankless(name),
        blankless(firstName),
        blankless(lastName),
        blankless(jobTitle),
        blankless(email),
        blankless(linkedinUrl),
        blankless(meetingUrl),
        blankless(phone));
  }

  /** The If-Match of the save: the version the form was typed over. */
  String ifMatch() {
    return "\"" + version + "\"";
  }

  /**
   * What someone else saved meanwhile where it differs from what this form says, by field: shown
   * beside each field, the form itself keeping what the user typed.
   */
  Map<String, String> savedMeanwhile(Identities.Identity now) {
    ContactDetailsForm theirs = of(now);
    Map<String, String> differences = new LinkedHashMap<>();
    for (Field field : FIELDS) {
      String saved = theirs.value(field.name());
      if (!Objects.equals(blankless(value(field.name())), blankless(saved))) {
        differences.put(field.name(), saved == null ? "(empty)" : saved);
      }
    }
    return differences;
  }

  private static String blankless(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
