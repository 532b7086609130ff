package io.identities.email.domain;

import io.identities.backbone.replica.IdentityReplica;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An identity as the email gateway knows it, replicated from identity.* events. */
@Entity
@Table(name = "email_identity")
public class EmailIdentity extends IdentityReplica {}
