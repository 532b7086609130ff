package io.identities.backbone.events;

import io.identities.backbone.schedule.RampUp;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/**
 * Data of linkedin.session.connected: an identity's LinkedIn account is connected, and this is its
 * profile (identities-service fills the identity's contact details from it). Never the session
 * itself.
 *
 * @param identityName set when the connection started from a name (spec 2A): identities-service
 *     creates the identity, with this id, before filling it
 * @param rampUp the account's ramp-up (its daily limits grow from 20 % on the day it was first
 *     connected); identities-service counts the messages possible by it
 */
@RegisterForReflection
public record LinkedInSessionConnected(
    UUID identityId,
    String identityName,
    String firstName,
    String lastName,
    String headline,
    String profileUrl,
    String email,
    boolean salesNavigator,
    RampUp rampUp) {}
