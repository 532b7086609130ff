package io.identities.identity.domain;

/** A value the product accepts but advises against, and why (spec wording). */
public record SettingWarning(String field, String message) {}
