package io.identities.warmup.domain;

import io.identities.backbone.replica.ScheduledIdentityReplica;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An identity as the warm-up service knows it, replicated from identity.* events: its warm-up mail
 * goes out inside its working hours.
 */
@Entity
@Table(name = "warmup_identity")
public class WarmupIdentity extends ScheduledIdentityReplica {}
