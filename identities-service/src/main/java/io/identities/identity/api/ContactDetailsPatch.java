package io.identities.identity.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identities.identity.domain.ContactDetails;
import io.identities.identity.domain.IdentityService.Description;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.HashSet;
import java.util.Set;

/**
 * A JSON Merge Patch (RFC 7396) of an identity's name and contact details: a member present sets
 * its field ({@code null}, or a blank string, clears it), an absent one leaves it as it is. Its
 * values are read and validated as a PUT's body is ({@link ContactDetailsRequest}).
 *
 * @param values the members' values; null for absent and cleared ones alike
 * @param present the members the patch names
 */
record ContactDetailsPatch(ContactDetailsRequest values, Set<String> present) {

  static final String MEDIA_TYPE = "application/merge-patch+json";

  /**
   * @throws JsonProcessingException for an unknown member or a value of the wrong type (400)
   * @throws ConstraintViolationException for an invalid value (400 naming the field)
   */
  static ContactDetailsPatch read(ObjectNode patch, ObjectMapper json, Validator validator)
      throws JsonProcessingException {
    ContactDetailsRequest values = json.treeToValue(patch, ContactDetailsRequest.class);
    Set<ConstraintViolation<ContactDetailsRequest>> violations = validator.validate(values);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    Set<String> present = new HashSet<>();
    patch.fieldNames().forEachRemaining(present::add);
    return new ContactDetailsPatch(values, present);
  }

  /** The current name and details with the patch applied. */
  Description applyTo(Description current) {
    ContactDetails patched = values.contact(); // its values normalized
    ContactDetails was = current.contact();
    ContactDetails merged = new ContactDetails();
    merged.firstName = pick("firstName", patched.firstName, was.firstName);
    merged.lastName = pick("lastName", patched.lastName, was.lastName);
    merged.jobTitle = pick("jobTitle", patched.jobTitle, was.jobTitle);
    merged.email = pick("email", patched.email, was.email);
    merged.linkedinUrl = pick("linkedinUrl", patched.linkedinUrl, was.linkedinUrl);
    merged.meetingUrl = pick("meetingUrl", patched.meetingUrl, was.meetingUrl);
    merged.phone = pick("phone", patched.phone, was.phone);
    return new Description(pick("name", values.name(), current.name()), merged);
  }

  private String pick(String member, String patched, String current) {
    return present.contains(member) ? patched : current;
  }
}
