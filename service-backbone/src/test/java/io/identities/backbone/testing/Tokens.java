package io.identities.backbone.testing;

import io.identities.backbone.tenant.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Mints bearer tokens signed with the test key pair of {@link LocalInfrastructure}. Each test makes
 * its own organization ({@link #newOrganization()}) so tests never see each other's data.
 */
public final class Tokens {

  private Tokens() {}

  public static String newOrganization() {
    return "org-" + UUID.randomUUID();
  }

  /** A valid token of a member of {@code orgId}. */
  public static String member(String orgId) {
    return sign(claims(orgId, Set.of(Roles.MEMBER)));
  }

  /** A valid token of {@code orgId} carrying only {@code groups}. */
  public static String withGroups(String orgId, Set<String> groups) {
    return sign(claims(orgId, groups));
  }

  /** The claims of a valid member token, for a test to spoil one thing. */
  public static JwtClaimsBuilder claims(String orgId, Set<String> groups) {
    return Jwt.issuer(LocalInfrastructure.ISSUER)
        .audience(LocalInfrastructure.AUDIENCE)
        .subject("user-" + UUID.randomUUID())
        .claim("org_id", orgId)
        .groups(groups)
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(600));
  }

  /** Signs with the test key pair the service trusts. */
  public static String sign(JwtClaimsBuilder claims) {
    return claims.sign(System.getProperty(LocalInfrastructure.SIGNING_KEY_PROPERTY));
  }

  /** Signs with a key pair nobody trusts. */
  public static String signedByStranger(JwtClaimsBuilder claims) {
    try {
      return claims.sign(KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
