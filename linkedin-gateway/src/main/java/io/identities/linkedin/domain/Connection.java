package io.identities.linkedin.domain;

import java.util.UUID;

/** Where connecting an identity's LinkedIn account stands after a step of the handshake. */
public record Connection(
    SessionStatus status, UUID identityId, Handshake handshake, LinkedInIdentity identity) {}
