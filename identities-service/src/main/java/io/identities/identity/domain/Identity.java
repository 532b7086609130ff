package io.identities.identity.domain;

import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.events.LinkedInSessionConnected;
import io.identities.backbone.schedule.WorkingHours;
import io.identities.backbone.schedule.WorkingHours.Interval;
import io.identities.backbone.schedule.WorkingWeekConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A sender identity of an organization: the profile its outreach campaigns run through. */
@Entity
@Table(name = "identity")
public class Identity extends PanacheEntityBase {

  /** The zone of a new identity until the user sets its working hours. */
  public static final String DEFAULT_TIME_ZONE = "UTC";

  @Id public UUID id;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(nullable = false)
  public String name;

  /** Name, first and last name folded for search ("jose" finds "José"), see {@link SearchText}. */
  @Column(name = "search_name", nullable = false)
  String searchName;

  /**
   * Null when every detail is (Hibernate loads such an embeddable as null): see {@link #contact()}.
   */
  @Embedded ContactDetails contact = new ContactDetails();

  @Embedded public LinkedInSettings linkedin = LinkedInSettings.recommended();

  @Embedded public EmailSettings email = EmailSettings.recommended();

  @Embedded public Signature signature = new Signature();

  @Column(name = "time_zone", nullable = false)
  public String timeZone = DEFAULT_TIME_ZONE;

  @Convert(converter = WorkingWeekConverter.class)
  @Column(name = "working_week", nullable = false)
  public Map<DayOfWeek, List<Interval>> workingWeek =
      WorkingHours.standard(DEFAULT_TIME_ZONE).week();

  /** Whether the connected LinkedIn account has Sales Navigator (known once one is connected). */
  @Column(name = "sales_navigator", nullable = false)
  public boolean salesNavigator;

  @Column(name = "linkedin_connected", nullable = false)
  public boolean linkedinConnected;

  @Column(name = "email_connected", nullable = false)
  public boolean emailConnected;

  /**
   * The version of its inboxes (email-gateway's count of their changes) emailConnected reflects.
   */
  @Column(name = "inboxes_version", nullable = false)
  public long inboxesVersion;

  /** Its email warm-up's state (WARMING, COMPLETED, ...), null if none was ever ordered. */
  @Column(name = "warmup_state")
  public String warmupState;

  /** When the warm-up ends (or ended). */
  @Column(name = "warmup_ends_at")
  public Instant warmupEndsAt;

  /** When warmup-service last changed it: older news is ignored. */
  @Column(name = "warmup_changed_at")
  public Instant warmupChangedAt;

  /** The profile picture's hash (its ETag), or null without a picture. */
  @Column(name = "picture_sha256")
  public String pictureSha256;

  @Version public long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  static Identity create(UUID id, String name, ContactDetails contact, Instant now) {
    Identity identity = new Identity();
    identity.id = id;
    identity.createdAt = now;
    identity.describe(name, contact);
    identity.touch(now);
    return identity;
  }

  /** Sets the contact details; a missing name becomes "First Last". */
  void describe(String name, ContactDetails contact) {
    this.contact = contact;
    this.name = name != null ? name : contact.fullName();
    this.searchName = SearchText.of(this.name, contact.firstName, contact.lastName);
  }

  /**
   * Its LinkedIn account got connected: what the profile says fills the contact details the user
   * left empty (spec 3: "populated automatically"), and the account's Sales Navigator is known.
   */
  void linkedInConnected(LinkedInSessionConnected profile) {
    ContactDetails filled = contact();
    filled.firstName = orElse(filled.firstName, profile.firstName());
    filled.lastName = orElse(filled.lastName, profile.lastName());
    filled.jobTitle = orElse(filled.jobTitle, profile.headline());
    filled.email = orElse(filled.email, profile.email()); // a profile may not show its email
    if (profile.profileUrl() != null) {
      filled.linkedinUrl =
          LinkedInProfileUrls.canonical(profile.profileUrl()).orElse(filled.linkedinUrl);
    }
    describe(name, filled);
    linkedinConnected = true;
    salesNavigator = profile.salesNavigator();
  }

  /** The user's value, else the profile's (either may be missing). */
  private static String orElse(String own, String fromProfile) {
    return own != null ? own : fromProfile;
  }

  /**
   * Its contact details, empty when it has none. Hibernate loads an embeddable whose columns are
   * all null as null; replacing that null when loading would make every identity without details
   * look changed, written (and its version raised) by any transaction that merely read it.
   */
  public ContactDetails contact() {
    return contact != null ? contact : new ContactDetails();
  }

  void touch(Instant now) {
    updatedAt = now;
  }

  public WorkingHours workingHours() {
    return new WorkingHours(timeZone, workingWeek);
  }

  /** What the other services replicate, as carried by identity.* events. */
  public IdentitySnapshot snapshot() {
    return new IdentitySnapshot(
        id,
        version,
        name,
        linkedin.snapshot(),
        new IdentitySnapshot.EmailSettings(
            email.dailyLimitPerInbox, email.hourlyLimitPerInbox, signature.html, signature.text),
        workingHours());
  }
}
