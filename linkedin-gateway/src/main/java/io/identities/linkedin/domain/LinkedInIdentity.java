package io.identities.linkedin.domain;

import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.replica.IdentityReplica;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * An identity as the LinkedIn gateway knows it: its name and LinkedIn limits (replicated from
 * identity.* events) and the state of its LinkedIn session, which this gateway owns.
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

  @Override
  protected void copy(IdentitySnapshot snapshot) {
    dailyConnectionRequests = snapshot.linkedin().dailyConnectionRequests();
    dailyMessages = snapshot.linkedin().dailyMessages();
  }
}
