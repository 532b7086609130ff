package io.identities.simulator.linkedin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A LinkedIn member as Voyager shows them: the id inside {@code urn:li:fsd_profile:<memberId>}, the
 * slug of {@code https://www.linkedin.com/in/<slug>} ({@code publicIdentifier}) and the top of the
 * profile.
 *
 * @param companyName the current position's company, null for none
 * @param locationName null for none
 * @param distance how far the member is from an account not connected to them (LinkedIn's {@code
 *     memberDistance})
 * @param invitable false: LinkedIn refuses every invitation to the member ({@code CANT_INVITE}), as
 *     for people who only take invitations from those who know their email address
 * @param acceptsAfter the member accepts an invitation by themselves this long after it was sent;
 *     null: only when told to ({@link LinkedInSimulator#accept})
 */
public record Member(
    String memberId,
    String publicIdentifier,
    String firstName,
    String lastName,
    String headline,
    String companyName,
    String locationName,
    Distance distance,
    boolean invitable,
    Duration acceptsAfter) {

  /** LinkedIn's {@code memberDistance} of someone outside one's 1st degree. */
  public enum Distance {
    DISTANCE_2,
    DISTANCE_3,
    OUT_OF_NETWORK
  }

  public Member {
    Objects.requireNonNull(memberId, "memberId");
    Objects.requireNonNull(publicIdentifier, "publicIdentifier");
    Objects.requireNonNull(distance, "distance");
  }

  /** An invitable member with the id {@link LinkedInSimulator#memberId} derives from the slug. */
  public static Member of(
      String slug,
      String firstName,
      String lastName,
      String headline,
      String companyName,
      String locationName,
      Distance distance) {
    return new Member(
        idFor(slug),
        slug,
        firstName,
        lastName,
        headline,
        companyName,
        locationName,
        distance,
        true,
        null);
  }

  /** This member, refusing every invitation. */
  public Member notInvitable() {
    return new Member(
        memberId,
        publicIdentifier,
        firstName,
        lastName,
        headline,
        companyName,
        locationName,
        distance,
        false,
        acceptsAfter);
  }

  /** This member, accepting every invitation {@code delay} after it was sent. */
  public Member acceptingAfter(Duration delay) {
    return new Member(
        memberId,
        publicIdentifier,
        firstName,
        lastName,
        headline,
        companyName,
        locationName,
        distance,
        invitable,
        delay);
  }

  /** The numeric member id LinkedIn shows as {@code plainId}, stable for a member. */
  long plainId() {
    return Integer.toUnsignedLong(memberId.hashCode());
  }

  /** {@code "ACoAA"} and the first 20 upper-case hex digits of SHA-256(slug). */
  static String idFor(String slug) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(slug.getBytes(StandardCharsets.UTF_8));
      return "ACoAA" + HexFormat.of().withUpperCase().formatHex(hash).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
