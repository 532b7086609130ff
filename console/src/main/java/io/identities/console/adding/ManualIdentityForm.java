package io.identities.console.adding;

import io.identities.console.services.Identities;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The "Manually" form: a picture and the contact details, as typed. */
public class ManualIdentityForm {

  @RestForm public FileUpload picture;
  @RestForm public String firstName;
  @RestForm public String lastName;
  @RestForm public String jobTitle;
  @RestForm public String email;
  @RestForm public String linkedinUrl;
  @RestForm public String meetingUrl;

  /** The identity to create: named "first last"; a field left blank is not sent. */
  Identities.ContactDetails identity() {
    return new Identities.ContactDetails(
        null,
        blankless(firstName),
        blankless(lastName),
        blankless(jobTitle),
        blankless(email),
        blankless(linkedinUrl),
        blankless(meetingUrl),
        null);
  }

  /** Whether a picture was chosen. */
  boolean hasPicture() {
    return picture != null && picture.size() > 0;
  }

  private static String blankless(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
