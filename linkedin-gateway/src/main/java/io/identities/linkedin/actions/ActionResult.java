package io.identities.linkedin.actions;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.identities.linkedin.linkedin.LinkedIn.Person;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a done action came to: the person as LinkedIn showed them, and for an invitation or a
 * message, LinkedIn's id of it (and whether the invitation carried its note).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionResult(
    PersonProfile person, String linkedInInvitationId, Boolean noteSent, String linkedInMessageId) {

  /** The person: name, headline, company, location, degree (1-3, null out of network). */
  @RegisterForReflection
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record PersonProfile(
      String memberId,
      String profileUrl,
      String firstName,
      String lastName,
      String headline,
      String company,
      String location,
      Integer degree) {

    static PersonProfile of(Person person) {
      return new PersonProfile(
          person.memberId(),
          person.profileUrl(),
          person.firstName(),
          person.lastName(),
          person.headline(),
          person.company(),
          person.location(),
          person.degree());
    }
  }
}
