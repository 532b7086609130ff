package io.identities.linkedin.domain;

import io.identities.backbone.crypto.ShareLinkTokens;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.share.ShareLinkKeeper;
import io.identities.backbone.tenant.TenantContext;
import io.identities.linkedin.linkedin.LinkedIn.ChallengeType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Connecting a LinkedIn account through a share link, for someone without a platform account (spec
 * 2C and the update link). The link stands in for the caller's token: it names the organization
 * and, for an update, the identity. One browser at a time may sign in with it (a claim, taken under
 * a row lock). A link is used once, whichever page uses it (this one, or email-gateway's inbox
 * page): identities-service keeps the links and spends each once, so the link is spent there when
 * the connection is about to be recorded, with a claim of this gateway's that is the same for every
 * sign-in with the link (spending it again after a lost answer is no second use), and then marked
 * spent here in the transaction that records the connection, so of two browsers racing on one link
 * exactly one connects. A link identities-service refuses records nothing; one it cannot be asked
 * about records nothing and can be used again in a moment.
 */
@ApplicationScoped
public class ShareLinkService {

  private static final Logger LOG = Logger.getLogger(ShareLinkService.class);

  /** How long a sign-in may hold the link before LinkedIn answers; lapses if this replica dies. */
  static final Duration SIGN_IN_CLAIM = Duration.ofMinutes(1);

  /** The page that spends a link here, as identities-service records it. */
  public static final String SPENT_ON = "linkedin";

  private final ConnectionService connections;
  private final ShareLinkKeeper keeper;
  private final TenantContext tenant;

  ShareLinkService(ConnectionService connections, ShareLinkKeeper keeper, TenantContext tenant) {
    this.connections = connections;
    this.keeper = keeper;
    this.tenant = tenant;
  }

  /**
   * The link behind a token, if it can be used; acts for its organization from here on. Every step
   * below takes the link this opened, in the same request.
   *
   * @throws UnusableLinkException when it is unknown, expired, used, or its identity is gone
   */
  public ShareLink open(String token) {
    ShareLink link = inTransaction(() -> usable(byToken(token), Instant.now()));
    link.token = token;
    tenant.actFor(link.orgId);
    if (!link.addsIdentity()
        && inTransaction(() -> LinkedInIdentity.findByIdOptional(link.identityId).isEmpty())) {
      throw new UnusableLinkException(ShareLink.Unusable.IDENTITY_GONE);
    }
    return link;
  }

  /**
   * Signs in to LinkedIn with the visitor's credentials, for the link's identity; a new identity
   * takes the name the link's creator chose, or else the one the visitor gives.
   */
  public Step signIn(ShareLink link, String identityName, String email, String password) {
    inTransaction(
        () -> {
          Instant now = Instant.now();
          ShareLink locked = usable(lock(link.id), now);
          if (locked.isClaimed(now)) {
            throw new UnusableLinkException(ShareLink.Unusable.IN_USE);
          }
          locked.claim(now, SIGN_IN_CLAIM);
          return locked;
        });
    try {
      return Step.of(
          connections.connect(
              link.identityId, link.newIdentityName(identityName), email, password, through(link)));
    } catch (RuntimeException e) {
      inTransaction(
          () -> {
            lock(link.id).release();
            return null;
          });
      if (e instanceof ProblemException refused) {
        return new Step.SignIn(refused.status(), refused.getMessage());
      }
      throw e;
    }
  }

  /** Answers the challenge of the sign-in this browser started with the code. */
  public Step verify(ShareLink link, UUID handshakeId, String code) {
    return answer(link, handshakeId, () -> connections.verify(handshakeId, code, through(link)));
  }

  /** Has LinkedIn send the code again, or another way. */
  public Step resend(ShareLink link, UUID handshakeId, ChallengeType method) {
    return answer(link, handshakeId, () -> connections.resend(handshakeId, method, through(link)));
  }

  /** Where the sign-in stands; for an app approval, whether the member approved it yet. */
  public Step standing(ShareLink link, UUID handshakeId) {
    return answer(link, handshakeId, () -> connections.status(handshakeId, through(link)));
  }

  private Step answer(ShareLink link, UUID handshakeId, Supplier<Connection> step) {
    boolean ours =
        inTransaction(
            () -> {
              ShareLink current = lock(link.id);
              if (handshakeId.equals(current.handshakeId)) {
                return true;
              }
              if (current.isClaimed(Instant.now())) {
                throw new UnusableLinkException(ShareLink.Unusable.IN_USE);
              }
              return false;
            });
    if (!ours) {
      return new Step.SignIn(409, "This sign-in has ended; sign in again.");
    }
    try {
      return Step.of(step.get());
    } catch (ProblemException refused) {
      Handshake handshake = connections.handshake(handshakeId);
      return handshake.status == Handshake.Status.PENDING
          ? new Step.Challenge(handshake, refused.status(), refused.getMessage())
          : new Step.SignIn(refused.status(), refused.getMessage());
    }
  }

  private ConnectionService.ThroughLink through(ShareLink link) {
    return new ConnectionService.ThroughLink(link.id, () -> spendAtKeeper(link));
  }

  /**
   * Spends the link at identities-service. One it refuses is unusable here too (one used on another
   * page is marked used); when it cannot be asked, nothing is spent and the visitor tries again in
   * a moment.
   */
  private void spendAtKeeper(ShareLink link) {
    try {
      keeper.spend(link.token, link.spendingClaim.toString(), SPENT_ON);
    } catch (ShareLinkKeeper.Refused refused) {
      ShareLink.Unusable why =
          switch (refused.reason()) {
            case UNKNOWN -> ShareLink.Unusable.UNKNOWN;
            case EXPIRED -> ShareLink.Unusable.EXPIRED;
            case USED -> ShareLink.Unusable.USED;
          };
      if (why == ShareLink.Unusable.USED) {
        inTransaction(
            () -> {
              lock(link.id).spend(Instant.now());
              return null;
            });
      }
      throw new UnusableLinkException(why);
    } catch (ShareLinkKeeper.Unreachable unreachable) {
      LOG.warnf("share link %s not spent: %s", link.id, unreachable.getMessage());
      throw new ProblemException(
          Status.SERVICE_UNAVAILABLE,
          "Share link not spent",
          "Your LinkedIn account could not be connected just now: nothing was saved. Please try"
              + " again in a moment.",
          List.of());
    }
  }

  private static ShareLink byToken(String token) {
    return ShareLink.<ShareLink>find("tokenHash", ShareLinkTokens.hash(token))
        .firstResultOptional()
        .orElseThrow(() -> new UnusableLinkException(ShareLink.Unusable.UNKNOWN));
  }

  private static ShareLink lock(UUID linkId) {
    return ShareLink.<ShareLink>findByIdOptional(linkId, LockModeType.PESSIMISTIC_WRITE)
        .orElseThrow();
  }

  private static ShareLink usable(ShareLink link, Instant now) {
    ShareLink.Unusable why = link.unusable(now);
    if (why != null) {
      throw new UnusableLinkException(why);
    }
    return link;
  }

  private static <T> T inTransaction(Supplier<T> work) {
    return QuarkusTransaction.requiringNew().call(work::get);
  }

  /** What the visitor sees next. */
  public sealed interface Step {

    static Step of(Connection connection) {
      return connection.status() == SessionStatus.CONNECTED
          ? new Connected(connection.identity())
          : new Challenge(connection.handshake(), 200, null);
    }

    /** Done: the account is connected. */
    record Connected(LinkedInIdentity identity) implements Step {}

    /** LinkedIn's challenge to answer, with why the last answer failed, if it did. */
    record Challenge(Handshake handshake, int status, String error) implements Step {}

    /** The credentials form again, with why. */
    record SignIn(int status, String error) implements Step {}
  }

  /** The link cannot be used; the visitor is told why. */
  public static class UnusableLinkException extends RuntimeException {

    private final ShareLink.Unusable reason;

    UnusableLinkException(ShareLink.Unusable reason) {
      super("share link unusable: " + reason);
      this.reason = reason;
    }

    public ShareLink.Unusable reason() {
      return reason;
    }
  }
}
