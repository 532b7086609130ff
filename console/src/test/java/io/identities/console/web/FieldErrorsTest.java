package io.identities.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.identities.console.services.ServiceProblem;
import io.identities.console.services.ServiceProblem.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

  @Test
  void shouldPutEachOfTheServicesWordsNextToTheFieldItNames() {
    ServiceProblem problem =
        new ServiceProblem(
            400,
            "Invalid request",
            "The request has invalid fields",
            List.of(
                new FieldError("email", "must be an email address"),
                new FieldError("contact.linkedinUrl", "must be a LinkedIn profile URL")));
    FieldErrors errors = FieldErrors.of(problem, "email", "linkedinUrl", "jobTitle");
    assertEquals("must be an email address", errors.about("email"));
    assertEquals("must be a LinkedIn profile URL", errors.about("linkedinUrl"));
    assertNull(errors.about("jobTitle"));
    assertNull(errors.general(), "every error is next to its field");
  }

  @Test
  void shouldSayAboveTheFormWhatNamesNoFieldOfIt() {
    ServiceProblem wrongPassword =
        new ServiceProblem(422, "Unprocessable request", "LinkedIn refused the password", null);
    assertEquals(
        "LinkedIn refused the password",
        FieldErrors.of(wrongPassword, "email", "password").general());

    ServiceProblem elsewhere =
        new ServiceProblem(
            400, "Invalid request", null, List.of(new FieldError("identityId", "unknown")));
    assertEquals("Invalid request", FieldErrors.of(elsewhere, "email").general());
  }
}
