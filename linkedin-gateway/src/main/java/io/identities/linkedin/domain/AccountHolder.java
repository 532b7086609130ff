package io.identities.linkedin.domain;

import io.identities.backbone.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The identity a LinkedIn account (its member id) is connected to. One account acts for one
 * identity at a time, across every organization of the platform: two identities on one account
 * would each pace and count on their own, and LinkedIn would see twice the invitations and two
 * actions at once. Only a CONNECTED session holds its account (a restricted account's session is
 * still connected, so it holds too); a session that ended (DISCONNECTED), never connected or waits
 * for its challenge does not, even though the account's member id is still remembered, and a
 * deleted identity is gone. The database enforces it as well ({@link #UNIQUE_INDEX}), so two
 * connections of one account racing cannot both be recorded.
 */
public record AccountHolder(UUID identityId, String orgId, String name) {

  /** The partial unique index on the member id of connected sessions (migration V10). */
  static final String UNIQUE_INDEX = "linkedin_identity_account_held";

  /**
   * The identity other than {@code connecting} holding the account, in any organization; none for
   * an account whose member id is not known.
   */
  @SuppressWarnings("unchecked")
  static Optional<AccountHolder> of(String memberId, UUID connecting) {
    if (memberId == null) {
      return Optional.empty();
    }
    // native: the tenant filter would hide the other organizations' identities
    List<Object[]> holders =
        LinkedInIdentity.getEntityManager()
            .createNativeQuery(
                "select identity_id, org_id, name from linkedin_identity"
                    + " where member_id = ?1 and status = ?2 and identity_id <> ?3")
            .setParameter(1, memberId)
            .setParameter(2, SessionStatus.CONNECTED.name())
            .setParameter(3, connecting)
            .getResultList();
    return holders.stream()
        .findFirst()
        .map(row -> new AccountHolder((UUID) row[0], (String) row[1], (String) row[2]));
  }

  /**
   * Why the account cannot be connected for an identity of {@code orgId}: the holder is named to
   * its own organization only.
   */
  public ProblemException refusal(String orgId) {
    String detail =
        this.orgId.equals(orgId)
            ? "This LinkedIn account is already connected to the identity \""
                + name
                + "\" ("
                + identityId
                + ") of this organization, and a LinkedIn account acts for one identity at a"
                + " time: disconnect it from that identity first."
            : "This LinkedIn account is connected to an identity in another organization of the"
                + " platform, and a LinkedIn account acts for one identity at a time: it must be"
                + " disconnected there first.";
    return new ProblemException(
        Status.CONFLICT, "LinkedIn account already connected", detail, List.of());
  }

  /** Whether {@code failure} is the database refusing a second identity the account. */
  static boolean isSecondHolder(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConstraintViolationException violation
          && UNIQUE_INDEX.equals(violation.getConstraintName())) {
        return true;
      }
    }
    return false;
  }
}
