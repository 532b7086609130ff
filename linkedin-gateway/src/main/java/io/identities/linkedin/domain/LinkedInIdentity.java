package io.identities.linkedin.domain;

import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.replica.ScheduledIdentityReplica;
import io.identities.backbone.schedule.RampUp;
import io.identities.backbone.schedule.WorkingHours;
import io.identities.linkedin.linkedin.LinkedIn.Profile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * An identity as the LinkedIn gateway knows it: its name, LinkedIn limits, withdrawal rule and
 * working hours (replicated from identity.* events), its LinkedIn session, which this gateway owns,
 * and what the gateway learnt of the account while acting for it (pacing, LinkedIn's own limits).
 */
@Entity
@Table(name = "linkedin_identity")
public class LinkedInIdentity extends ScheduledIdentityReplica {

  @Column(name = "daily_connection_requests", nullable = false)
  public int dailyConnectionRequests;

  @Column(name = "daily_messages", nullable = false)
  public int dailyMessages;

  /** Sales Navigator scrapings a day on top of the organization's pool; null for none. */
  @Column(name = "daily_scrapings")
  public Integer dailyScrapings;

  @Column(name = "auto_withdraw", nullable = false)
  public boolean autoWithdraw;

  @Column(name = "withdraw_after_days", nullable = false)
  public int withdrawAfterDays;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public SessionStatus status = SessionStatus.NOT_CONNECTED;

  /** The session cookies, sealed with the identity's id (see SecretCipher). */
  @Column(name = "sealed_session")
  String sealedSession;

  @Column(name = "profile_first_name")
  public String profileFirstName;

  @Column(name = "profile_last_name")
  public String profileLastName;

  @Column(name = "profile_headline")
  public String profileHeadline;

  @Column(name = "profile_public_identifier")
  public String profilePublicIdentifier;

  @Column(name = "sales_navigator", nullable = false)
  public boolean salesNavigator;

  /** The country of the configured proxy pool this identity's traffic goes through. */
  @Column(name = "proxy_country")
  public String proxyCountry;

  /** Or a proxy of its own: its address, without credentials. */
  @Column(name = "proxy_url")
  public String proxyUrl;

  /** That proxy's "username:password", sealed with the identity's id. */
  @Column(name = "sealed_proxy_credentials")
  String sealedProxyCredentials;

  @Column(name = "connected_at")
  public Instant connectedAt;

  @Column(name = "last_checked_at")
  public Instant lastCheckedAt;

  /** The account's own LinkedIn member id (messages are sent from its mailbox). */
  @Column(name = "member_id")
  public String memberId;

  /** When an account was first connected: its ramp-up counts from there. */
  @Column(name = "first_connected_at")
  public Instant firstConnectedAt;

  /** Pacing: the account's next action waits until then. */
  @Column(name = "next_action_at")
  public Instant nextActionAt;

  /** LinkedIn asked the account to slow down (429 or 999): nothing is done until then. */
  @Column(name = "throttled_until")
  public Instant throttledUntil;

  /** Throttling answers since the last action that went through: each doubles the back-off. */
  @Column(name = "throttle_strikes", nullable = false)
  public int throttleStrikes;

  /** LinkedIn's weekly invitation limit was reached: no invitation until then. */
  @Column(name = "invitations_blocked_until")
  public Instant invitationsBlockedUntil;

  /** The free account's notes for the month are used up: invitations go without until then. */
  @Column(name = "note_quota_until")
  public Instant noteQuotaUntil;

  /** Invitations that failed in a row (LinkedIn's refusals that are not about the person). */
  @Column(name = "invitation_failures", nullable = false)
  public int invitationFailures;

  /** Too many failed in a row: the account's invitations are held until someone resumes them. */
  @Column(name = "invitations_held_at")
  public Instant invitationsHeldAt;

  /** LinkedIn restricted the account: its actions are held. */
  @Column(name = "restricted_at")
  public Instant restrictedAt;

  @Override
  protected void copy(IdentitySnapshot snapshot) {
    dailyConnectionRequests = snapshot.linkedin().dailyConnectionRequests();
    dailyMessages = snapshot.linkedin().dailyMessages();
    dailyScrapings = snapshot.linkedin().dailyScrapings();
    autoWithdraw = snapshot.linkedin().autoWithdraw();
    withdrawAfterDays = snapshot.linkedin().withdrawAfterDays();
  }

  /**
   * The identity a connection by name creates, until identities-service announces it (version 0 and
   * up replace this one); its limits are unknown until then.
   */
  static LinkedInIdentity provisional(UUID identityId, String name) {
    LinkedInIdentity identity = new LinkedInIdentity();
    identity.identityId = identityId;
    identity.name = name;
    identity.identityVersion = -1;
    identity.updatedAt = Instant.now();
    identity.timeZone = "UTC";
    identity.workingWeek = WorkingHours.standard("UTC").week();
    return identity;
  }

  void connect(String sealedSession, Profile profile) {
    this.sealedSession = sealedSession;
    this.profileFirstName = profile.firstName();
    this.profileLastName = profile.lastName();
    this.profileHeadline = profile.headline();
    this.profilePublicIdentifier = profile.publicIdentifier();
    this.salesNavigator = profile.salesNavigator();
    this.memberId = profile.memberId();
    this.status = SessionStatus.CONNECTED;
    this.connectedAt = Instant.now();
    this.lastCheckedAt = connectedAt;
    if (firstConnectedAt == null) {
      firstConnectedAt = connectedAt;
    }
    restrictedAt = null; // reconnecting is how a person says they looked at the account
  }

  /** Its ramp-up of {@code days} days from the local day it was first connected; null if never. */
  public RampUp rampUp(int days) {
    return firstConnectedAt == null
        ? null
        : new RampUp(firstConnectedAt.atZone(ZoneId.of(timeZone)).toLocalDate(), days);
  }

  /** Ends the session: its cookies are forgotten. */
  void disconnect() {
    sealedSession = null;
    status = SessionStatus.DISCONNECTED;
  }

  /** The public profile URL of the connected account. */
  public String profileUrl() {
    return profilePublicIdentifier == null
        ? null
        : "https://www.linkedin.com/in/" + profilePublicIdentifier;
  }
}
