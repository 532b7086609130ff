package io.identities.warmup.domain;

import io.identities.backbone.replica.IdentityReplica;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An identity as the warm-up service knows it, replicated from identity.* events. */
@Entity
@Table(name = "warmup_identity")
public class WarmupIdentity extends IdentityReplica {}
