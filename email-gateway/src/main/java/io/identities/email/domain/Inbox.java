package io.identities.email.domain;

import java.util.UUID;

/** An email inbox connected to an identity. */
public record Inbox(UUID id, String address) {}
