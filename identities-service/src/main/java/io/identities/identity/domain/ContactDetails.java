package io.identities.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How leads and colleagues reach the person behind an identity (spec 3, Contact Details). Values
 * are stored normalized: canonical LinkedIn URL, E.164 phone. Validated at the API edge.
 */
@Embeddable
public class ContactDetails {

  @Column(name = "first_name")
  public String firstName;

  @Column(name = "last_name")
  public String lastName;

  @Column(name = "job_title")
  public String jobTitle;

  public String email;

  @Column(name = "linkedin_url")
  public String linkedinUrl;

  @Column(name = "meeting_url")
  public String meetingUrl;

  public String phone;

  public ContactDetails() {}

  /** The details as given, normalized; the caller has validated each of them. */
  public ContactDetails(
      String firstName,
      String lastName,
      String jobTitle,
      String email,
      String linkedinUrl,
      String meetingUrl,
      String phone) {
    this.firstName = firstName;
    this.lastName = lastName;
    this.jobTitle = jobTitle;
    this.email = email;
    this.linkedinUrl =
        linkedinUrl == null ? null : LinkedInProfileUrls.canonical(linkedinUrl).orElseThrow();
    this.meetingUrl = meetingUrl == null ? null : WebUrls.http(meetingUrl).orElseThrow();
    this.phone = phone == null ? null : PhoneNumbers.e164(phone).orElseThrow();
  }

  /** "First Last", the default name of an identity; null when neither is known. */
  String fullName() {
    String full =
        ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    return full.isEmpty() ? null : full;
  }
}
