package io.identities.identity.api;

import io.identities.identity.api.ContactConstraints.LinkedInProfileUrl;
import io.identities.identity.api.ContactConstraints.PhoneNumber;
import io.identities.identity.api.ContactConstraints.WebUrl;
import io.identities.identity.domain.ContactDetails;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * An identity's name and contact details (spec 2B and 3); the name defaults to "First Last".
 * Strings arrive trimmed, blank ones as absent.
 */
public record ContactDetailsRequest(
    @Size(max = 120) String name,
    @Size(max = 80) String firstName,
    @Size(max = 80) String lastName,
    @Size(max = 120) String jobTitle,
    @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
        @Size(max = 254)
        String email,
    @LinkedInProfileUrl @Size(max = 300) String linkedinUrl,
    @WebUrl @Size(max = 2000) String meetingUrl,
    @PhoneNumber @Size(max = 40) String phone) {

  ContactDetails contact() {
    return new ContactDetails(firstName, lastName, jobTitle, email, linkedinUrl, meetingUrl, phone);
  }
}
