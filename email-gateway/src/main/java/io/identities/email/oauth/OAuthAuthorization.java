package io.identities.email.oauth;

import io.identities.email.domain.MailProvider;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An authorization started for an identity, until the provider sends the browser back (once). */
@Entity
@Table(name = "oauth_authorization")
public class OAuthAuthorization extends PanacheEntityBase {

  @Id public UUID id;

  /** Whose it is: the callback carries no token, so the row is not tenant-filtered. */
  @Column(name = "org_id", nullable = false)
  public String orgId;

  @Column(name = "identity_id", nullable = false)
  public UUID identityId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MailProvider provider;

  @Column(name = "state_hash", nullable = false)
  public String stateHash;

  /** The PKCE code verifier, sealed with the authorization's id. */
  @Column(name = "sealed_verifier", nullable = false)
  public String sealedVerifier;

  @Column(name = "expires_at", nullable = false)
  public Instant expiresAt;

  @Column(name = "used_at")
  public Instant usedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
