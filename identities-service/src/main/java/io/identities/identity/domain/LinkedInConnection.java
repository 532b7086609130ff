package io.identities.identity.domain;

import io.identities.backbone.schedule.RampUp;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A span of time an identity's LinkedIn account was connected, as linkedin-gateway announced it,
 * with the ramp-up of its limits: the days its messages were possible (see the dashboard).
 */
@Entity
@Table(name = "linkedin_connection")
public class LinkedInConnection extends PanacheEntityBase {

  @Id public UUID id;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "identity_id", nullable = false, updatable = false)
  public UUID identityId;

  @Column(name = "connected_at", nullable = false, updatable = false)
  public Instant connectedAt;

  /** Null while it is connected. */
  @Column(name = "disconnected_at")
  public Instant disconnectedAt;

  /** The ramp-up of the account's daily limits (see {@link RampUp}); null when none is known. */
  @Column(name = "ramp_starts_on")
  LocalDate rampStartsOn;

  @Column(name = "ramp_days")
  Integer rampDays;

  /**
   * The account is connected at {@code at}: a new span, or the open one carries on (a session
   * renewed without a disconnection between), with the latest ramp-up.
   */
  static void connected(UUID identityId, Instant at, RampUp rampUp) {
    LinkedInConnection connection =
        open(identityId)
            .orElseGet(
                () -> {
                  LinkedInConnection opened = new LinkedInConnection();
                  opened.id = UUID.randomUUID();
                  opened.identityId = identityId;
                  opened.connectedAt = at;
                  opened.persist();
                  return opened;
                });
    connection.rampStartsOn = rampUp == null ? null : rampUp.startsOn();
    connection.rampDays = rampUp == null ? null : rampUp.days();
  }

  /** The account is disconnected at {@code at}: the open span ends then. */
  static void disconnected(UUID identityId, Instant at) {
    open(identityId)
        .ifPresent(
            connection ->
                connection.disconnectedAt =
                    at.isBefore(connection.connectedAt) ? connection.connectedAt : at);
  }

  private static Optional<LinkedInConnection> open(UUID identityId) {
    return LinkedInConnection.<LinkedInConnection>find(
            "identityId = ?1 and disconnectedAt is null", identityId)
        .firstResultOptional();
  }
}
