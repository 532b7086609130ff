package io.identities.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new identity; more contact details come with the identity configuration. */
public record CreateIdentityRequest(@NotBlank @Size(max = 120) String name) {}
