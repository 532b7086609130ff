package io.identities.backbone.events;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Data of linkedin.session.connected: an identity's LinkedIn account is connected, and this is its
 * profile (identities-service fills the identity's contact details from it). Never the session
 * itself.
 */
@RegisterForReflection
public record LinkedInSessionConnected(
    UUID identityId,
    String firstName,
    String lastName,
    String headline,
    String profileUrl,
    String email,
    boolean salesNavigator) {}
