package io.identities.linkedin.domain;

import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.replica.IdentityReplica;
import io.identities.linkedin.linkedin.LinkedIn.Profile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An identity as the LinkedIn gateway knows it: its name and LinkedIn limits (replicated from
 * identity.* events) and its LinkedIn session, which this gateway owns.
 */
@Entity
@Table(name = "linkedin_identity")
public class LinkedInIdentity extends IdentityReplica {

  @Column(name = "daily_connection_requests", nullable = false)
  public int dailyConnectionRequests;

  @Column(name = "daily_messages", nullable = false)
  public int dailyMessages;

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

  @Override
  protected void copy(IdentitySnapshot snapshot) {
    dailyConnectionRequests = snapshot.linkedin().dailyConnectionRequests();
    dailyMessages = snapshot.linkedin().dailyMessages();
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
    return identity;
  }

  void connect(String sealedSession, Profile profile) {
    this.sealedSession = sealedSession;
    this.profileFirstName = profile.firstName();
    this.profileLastName = profile.lastName();
    this.profileHeadline = profile.headline();
    this.profilePublicIdentifier = profile.publicIdentifier();
    this.salesNavigator = profile.salesNavigator();
    this.status = SessionStatus.CONNECTED;
    this.connectedAt = Instant.now();
    this.lastCheckedAt = connectedAt;
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
