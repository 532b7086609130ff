package io.identities.linkedin.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.crypto.SecretCipher;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.LinkedInSessionConnected;
import io.identities.backbone.events.LinkedInSessionDisconnected;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.TenantContext;
import io.identities.linkedin.actions.ActionsConfig;
import io.identities.linkedin.linkedin.LinkedIn;
import io.identities.linkedin.linkedin.LinkedIn.ChallengeType;
import io.identities.linkedin.linkedin.LinkedIn.Connected;
import io.identities.linkedin.linkedin.LinkedIn.LoginResult;
import io.identities.linkedin.linkedin.LinkedIn.PendingLogin;
import io.identities.linkedin.linkedin.LinkedIn.Refusal;
import io.identities.linkedin.linkedin.LinkedIn.Refused;
import io.identities.linkedin.linkedin.LinkedInConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Connects an identity's LinkedIn account (spec 2A): logs in with the member's credentials and,
 * when LinkedIn asks, finishes the login with the verification code (at most a few tries, within a
 * few minutes). The password is used for the login call and then forgotten; the session cookies are
 * stored sealed. No transaction is held while LinkedIn is being asked.
 */
@ApplicationScoped
public class ConnectionService {

  static final String NO_PASSWORD_SET =
      "This LinkedIn account signs in with Google, Microsoft or Apple, or with an access key: it"
          + " cannot be connected until a password is set in LinkedIn's settings (Settings, Sign in"
          + " & security, Change password).";

  private final OutboundProxies proxies;
  private final LinkedInConfig config;
  private final SecretCipher cipher;
  private final Outbox outbox;
  private final TenantContext tenant;
  private final ObjectMapper json;
  private final Event<SessionChanged> sessionChanged;
  private final int rampUpDays;

  ConnectionService(
      OutboundProxies proxies,
      LinkedInConfig config,
      SecretCipher cipher,
      Outbox outbox,
      TenantContext tenant,
      ObjectMapper json,
      Event<SessionChanged> sessionChanged,
      ActionsConfig actions) {
    this.proxies = proxies;
    this.config = config;
    this.cipher = cipher;
    this.outbox = outbox;
    this.tenant = tenant;
    this.json = json;
    this.sessionChanged = sessionChanged;
    this.rampUpDays = actions.rampUpDays();
  }

  /**
   * Connects the LinkedIn account of an existing identity, or, with {@code newIdentityName} and no
   * id, of a new identity (spec 2A): identities-service creates it once the account is connected.
   */
  public Connection connect(
      UUID identityId, String newIdentityName, String email, String password) {
    return connect(identityId, newIdentityName, email, password, null);
  }

  /**
   * A sign-in through a share link: the link, and how it is spent at identities-service, which
   * keeps the links (see {@link ShareLinkService}).
   */
  record ThroughLink(UUID linkId, Runnable spendAtKeeper) {}

  /** Connects through a share link, which the connection spends (see {@link ShareLinkService}). */
  Connection connect(
      UUID identityId, String newIdentityName, String email, String password, ThroughLink link) {
    UUID id = identityId != null ? identityId : UUID.randomUUID();
    LinkedIn linkedIn =
        inTransaction(() -> proxies.linkedInFor(identityId == null ? null : identity(identityId)));
    LoginResult result = ask(() -> linkedIn.logIn(email, password));
    if (result instanceof Refused refused) {
      throw refusal(refused.reason());
    }
    if (result instanceof Connected connected) {
      return record(
          id,
          connected,
          link,
          () -> {
            if (identityId == null) {
              LinkedInIdentity.provisional(id, newIdentityName).persist();
            }
            return connected(id, connected, newIdentityName, null);
          });
    }
    return inTransaction(
        () -> {
          if (identityId == null) {
            LinkedInIdentity.provisional(id, newIdentityName).persist();
          }
          return challenged(
              id,
              ((LinkedIn.Challenged) result).pending(),
              newIdentityName,
              link == null ? null : link.linkId());
        });
  }

  /** Answers the handshake's challenge with the code the member received. */
  public Connection verify(UUID handshakeId, String code) {
    return verify(handshakeId, code, null);
  }

  /** Answers the challenge of a sign-in through {@code link} (null: none). */
  Connection verify(UUID handshakeId, String code, ThroughLink link) {
    expireIfDue(handshakeId);
    Attempt attempt =
        inTransaction(
            () -> {
              Handshake handshake = open(handshakeId, true, link);
              if (handshake.challengeType == ChallengeType.APP_APPROVAL) {
                throw ProblemException.unprocessable(
                    "This sign-in is approved in the LinkedIn app, not with a code; ask for the handshake's status");
              }
              handshake
                  .attemptsLeft--; // spent before LinkedIn is asked: never more codes than allowed
              return attempt(handshake);
            });
    LoginResult result = ask(() -> attempt.linkedIn().verify(attempt.login(), code));
    return conclude(handshakeId, result, link);
  }

  /**
   * Has LinkedIn send the code again, or another way (email or SMS; null for the same way): the
   * "resend" and "try another way" of LinkedIn's own page.
   */
  public Connection resend(UUID handshakeId, ChallengeType method) {
    return resend(handshakeId, method, null);
  }

  /** Sends the code of a sign-in through {@code link} (null: none) again, or another way. */
  Connection resend(UUID handshakeId, ChallengeType method, ThroughLink link) {
    if (method == ChallengeType.AUTHENTICATOR_APP || method == ChallengeType.APP_APPROVAL) {
      throw ProblemException.invalidField(
          "method", "a code can be sent again by EMAIL_PIN or SMS_PIN");
    }
    expireIfDue(handshakeId);
    Attempt attempt = inTransaction(() -> attempt(open(handshakeId, false, link)));
    LoginResult result = ask(() -> attempt.linkedIn().resend(attempt.login(), method));
    if (!(result instanceof LinkedIn.Challenged challenged)) {
      return conclude(handshakeId, result, link);
    }
    return inTransaction(
        () -> {
          Handshake handshake = open(handshakeId, true, link);
          handshake.challengeType = challenged.pending().type();
          handshake.hint = challenged.pending().hint();
          handshake.sealedLogin = cipher.seal(write(challenged.pending()), handshake.id.toString());
          return view(handshake);
        });
  }

  /** The handshake's state; for an app approval, asks LinkedIn whether the member approved. */
  public Connection status(UUID handshakeId) {
    return status(handshakeId, null);
  }

  /** Where a sign-in through {@code link} (null: none) stands. */
  Connection status(UUID handshakeId, ThroughLink link) {
    expireIfDue(handshakeId);
    Handshake handshake = inTransaction(() -> find(handshakeId));
    if (handshake.status != Handshake.Status.PENDING
        || handshake.challengeType != ChallengeType.APP_APPROVAL) {
      return inTransaction(() -> view(find(handshakeId)));
    }
    Attempt attempt = inTransaction(() -> attempt(open(handshakeId, false, link)));
    return conclude(handshakeId, ask(() -> attempt.linkedIn().verify(attempt.login(), null)), link);
  }

  /** Ends the identity's LinkedIn session at a user's request. */
  public void disconnect(UUID identityId) {
    inTransaction(
        () -> {
          LinkedInIdentity identity = identity(identityId);
          if (identity.status != SessionStatus.CONNECTED) {
            throw ProblemException.notFound("LinkedIn session of identity", identityId);
          }
          end(identity, LinkedInSessionDisconnected.DISCONNECTED);
          return identity;
        });
  }

  /** Ends a session and tells the other services why; the account's actions wait for it. */
  public void end(LinkedInIdentity identity, String reason) {
    identity.disconnect();
    sessionChanged.fire(new SessionChanged(identity.identityId, false));
    outbox.publishEvent(
        EventTypes.LINKEDIN_SESSION_DISCONNECTED,
        tenant.orgId(),
        identity.identityId,
        new LinkedInSessionDisconnected(identity.identityId, reason));
  }

  /** The identity's session cookies, opened; for checks and actions on LinkedIn. */
  public LinkedIn.Session session(LinkedInIdentity identity) {
    try {
      return json.readValue(
          cipher.open(identity.sealedSession, identity.identityId.toString()),
          LinkedIn.Session.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "identity " + identity.identityId + " holds an unreadable session", e);
    }
  }

  public LinkedInIdentity identity(UUID identityId) {
    return LinkedInIdentity.<LinkedInIdentity>findByIdOptional(identityId)
        .orElseThrow(() -> ProblemException.notFound("Identity", identityId));
  }

  /** Records what LinkedIn answered to a challenge; the handshake's end is kept even on refusal. */
  private Connection conclude(UUID handshakeId, LoginResult result, ThroughLink link) {
    if (result instanceof Connected connected) {
      Handshake concluding = inTransaction(() -> find(handshakeId));
      try {
        return record(
            concluding.identityId,
            connected,
            link,
            () -> {
              Handshake handshake = find(handshakeId);
              return connected(
                  handshake.identityId, connected, handshake.newIdentityName, handshake);
            });
      } catch (RuntimeException refused) {
        endRefused(handshakeId, refused);
        throw refused;
      }
    }
    Concluded concluded =
        inTransaction(
            () -> {
              Handshake handshake = find(handshakeId);
              Connection before = view(handshake); // before a failure may remove a new identity
              return new Concluded(before, problemFor(handshake, ((Refused) result).reason()));
            });
    if (concluded.problem() != null) {
      throw concluded.problem(); // after the commit that recorded the spent attempt or the end
    }
    return concluded.connection();
  }

  /**
   * Records a connection LinkedIn accepted, unless another identity holds the account: that is
   * looked at before the share link the sign-in came through is spent at its keeper, and again by
   * the database as the connection is recorded (a connection of the account that won a race), so a
   * refused connection keeps nothing and leaves the link usable.
   */
  private Connection record(
      UUID identityId, Connected connected, ThroughLink link, Supplier<Connection> recording) {
    String memberId = connected.profile().memberId();
    inTransaction(
        () -> {
          AccountHolder.of(memberId, identityId)
              .ifPresent(
                  holder -> {
                    throw holder.refusal(tenant.orgId());
                  });
          return null;
        });
    if (link != null) {
      link.spendAtKeeper().run();
    }
    try {
      return inTransaction(
          () -> {
            if (link != null) {
              spend(link.linkId());
            }
            Connection connection = recording.get();
            LinkedInIdentity.flush(); // the account's unique index refuses a second holder here
            return connection;
          });
    } catch (RuntimeException e) {
      if (AccountHolder.isSecondHolder(e)) {
        throw inTransaction(() -> AccountHolder.of(memberId, identityId))
            .map(holder -> holder.refusal(tenant.orgId()))
            .orElseGet(
                () ->
                    ProblemException.conflict(
                        "This LinkedIn account was being connected to another identity at the"
                            + " same time; try again"));
      }
      throw e;
    }
  }

  /** Ends a handshake whose connection was refused (committed); the refusal is what is answered. */
  private void endRefused(UUID handshakeId, RuntimeException refused) {
    try {
      inTransaction(
          () -> {
            fail(find(handshakeId), Handshake.Status.FAILED);
            return null;
          });
    } catch (RuntimeException e) {
      refused.addSuppressed(e);
    }
  }

  private record Concluded(Connection connection, ProblemException problem) {}

  /**
   * The answer to a refused verification, or null when the member has yet to approve in the app.
   */
  private ProblemException problemFor(Handshake handshake, Refusal reason) {
    switch (reason) {
      case APPROVAL_PENDING:
        return null;
      case WRONG_CODE:
        if (handshake.attemptsLeft > 0) {
          return ProblemException.unprocessable(
              "The code is wrong; "
                  + handshake.attemptsLeft
                  + " attempt"
                  + (handshake.attemptsLeft == 1 ? "" : "s")
                  + " left");
        }
        fail(handshake, Handshake.Status.FAILED);
        return ProblemException.unprocessable(
            "The code is wrong and no attempt is left: start the connection again");
      case APPROVAL_REJECTED:
        fail(handshake, Handshake.Status.FAILED);
        return ProblemException.unprocessable("The sign-in was rejected in the LinkedIn app");
      default:
        fail(handshake, Handshake.Status.EXPIRED);
        return expired();
    }
  }

  private Connection connected(
      UUID identityId, Connected connected, String newIdentityName, Handshake handshake) {
    LinkedInIdentity identity = identity(identityId);
    identity.connect(
        cipher.seal(write(connected.session()), identityId.toString()), connected.profile());
    sessionChanged.fire(new SessionChanged(identityId, true));
    if (handshake != null) {
      handshake.end(Handshake.Status.CONNECTED);
    }
    LinkedIn.Profile profile = connected.profile();
    outbox.publishEvent(
        EventTypes.LINKEDIN_SESSION_CONNECTED,
        tenant.orgId(),
        identityId,
        new LinkedInSessionConnected(
            identityId,
            newIdentityName,
            profile.firstName(),
            profile.lastName(),
            profile.headline(),
            identity.profileUrl(),
            profile.email(),
            profile.salesNavigator(),
            identity.rampUp(rampUpDays)));
    return new Connection(SessionStatus.CONNECTED, identityId, handshake, identity);
  }

  private Connection challenged(
      UUID identityId, PendingLogin pending, String newIdentityName, UUID shareLinkId) {
    Handshake handshake = new Handshake();
    handshake.id = UUID.randomUUID();
    handshake.identityId = identityId;
    handshake.newIdentityName = newIdentityName;
    handshake.shareLinkId = shareLinkId;
    handshake.status = Handshake.Status.PENDING;
    handshake.challengeType = pending.type();
    handshake.hint = pending.hint();
    handshake.attemptsLeft = config.verificationAttempts();
    handshake.createdAt = Instant.now();
    handshake.expiresAt = handshake.createdAt.plus(config.handshakeLifetime());
    handshake.sealedLogin = cipher.seal(write(pending), handshake.id.toString());
    handshake.persist();
    if (shareLinkId != null) {
      ShareLink.<ShareLink>findById(shareLinkId).holdFor(handshake);
    }
    LinkedInIdentity identity = identity(identityId);
    identity.status = SessionStatus.CHALLENGE_PENDING;
    return new Connection(SessionStatus.CHALLENGE_PENDING, identityId, handshake, identity);
  }

  private Connection view(Handshake handshake) {
    LinkedInIdentity identity = identity(handshake.identityId);
    return new Connection(identity.status, handshake.identityId, handshake, identity);
  }

  /** A handshake as it stands, without asking LinkedIn. */
  public Handshake handshake(UUID handshakeId) {
    return inTransaction(() -> find(handshakeId));
  }

  private Handshake find(UUID handshakeId) {
    return Handshake.<Handshake>findByIdOptional(handshakeId)
        .orElseThrow(() -> ProblemException.notFound("Handshake", handshakeId));
  }

  /**
   * The handshake, still pending and in time; locked when an attempt is about to be spent. A
   * sign-in through a share link goes on only through that link, so the link is spent when it
   * connects.
   */
  private Handshake open(UUID handshakeId, boolean lock, ThroughLink link) {
    Handshake handshake =
        lock
            ? Handshake.<Handshake>findByIdOptional(handshakeId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Handshake", handshakeId))
            : find(handshakeId);
    if (!Objects.equals(handshake.shareLinkId, link == null ? null : link.linkId())) {
      throw ProblemException.notFound("Handshake", handshakeId);
    }
    if (handshake.isExpired(Instant.now())) {
      throw expired(); // expired since expireIfDue looked: it will be marked so next time
    }
    if (handshake.status != Handshake.Status.PENDING) {
      throw ProblemException.conflict(
          "This handshake has ended (" + handshake.status + "); start the connection again");
    }
    return handshake;
  }

  /** Marks a pending handshake past its time as expired (committed), and answers 410. */
  private void expireIfDue(UUID handshakeId) {
    boolean expired =
        inTransaction(
            () -> {
              Handshake handshake = find(handshakeId);
              boolean due =
                  handshake.status == Handshake.Status.PENDING
                      && handshake.isExpired(Instant.now());
              if (due) {
                fail(handshake, Handshake.Status.EXPIRED);
              }
              return due || handshake.status == Handshake.Status.EXPIRED;
            });
    if (expired) {
      throw expired();
    }
  }

  /**
   * Marks the share link a connection came through spent, in the transaction that records the
   * connection; a link spent meanwhile refuses (and rolls back) this second connection.
   */
  private static void spend(UUID shareLinkId) {
    ShareLink link =
        ShareLink.<ShareLink>findByIdOptional(shareLinkId, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow();
    if (link.usedAt != null) {
      throw ProblemException.conflict("This share link has already been used");
    }
    link.spend(Instant.now());
  }

  private void fail(Handshake handshake, Handshake.Status outcome) {
    handshake.end(outcome);
    if (handshake.shareLinkId != null) {
      ShareLink.<ShareLink>findById(handshake.shareLinkId).release();
    }
    LinkedInIdentity identity = identity(handshake.identityId);
    if (handshake.newIdentityName != null && identity.connectedAt == null) {
      identity.delete(); // the identity this login was to create will not exist
      return;
    }
    if (identity.status == SessionStatus.CHALLENGE_PENDING) {
      identity.status =
          identity.connectedAt == null ? SessionStatus.NOT_CONNECTED : SessionStatus.DISCONNECTED;
    }
  }

  /** A pending login to go on with, through the identity's proxy, like the login itself. */
  private record Attempt(PendingLogin login, LinkedIn linkedIn) {}

  private Attempt attempt(Handshake handshake) {
    try {
      return new Attempt(
          json.readValue(
              cipher.open(handshake.sealedLogin, handshake.id.toString()), PendingLogin.class),
          proxies.linkedInFor(identity(handshake.identityId)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "handshake " + handshake.id + " holds an unreadable login", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ProblemException expired() {
    return new ProblemException(
        Status.GONE,
        "Handshake expired",
        "The verification took too long; start the connection again",
        List.of());
  }

  private static ProblemException refusal(Refusal reason) {
    return switch (reason) {
      case UNKNOWN_EMAIL ->
          ProblemException.unprocessable("LinkedIn knows no account with this email address");
      case WRONG_PASSWORD ->
          ProblemException.unprocessable("LinkedIn refused the password; check it and try again");
      case NO_PASSWORD_SET -> ProblemException.unprocessable(NO_PASSWORD_SET);
      case TOO_MANY_ATTEMPTS ->
          new ProblemException(
              429,
              "Too many attempts",
              "LinkedIn asks for a security check after too many attempts: wait a while and retry",
              List.of());
      default -> ProblemException.unprocessable("LinkedIn refused the login");
    };
  }

  private static <T> T ask(Supplier<T> call) {
    try {
      return call.get();
    } catch (LinkedIn.ProxyFailedException e) {
      throw new ProblemException(
          Status.BAD_GATEWAY,
          "Proxy failed",
          "LinkedIn could not be reached through the identity's proxy (unreachable, or it refused"
              + " its credentials); check the identity's proxy settings",
          List.of());
    } catch (LinkedIn.UnavailableException e) {
      throw new ProblemException(
          Status.SERVICE_UNAVAILABLE,
          "LinkedIn unavailable",
          "LinkedIn could not be reached; try again in a moment",
          List.of());
    }
  }

  private static <T> T inTransaction(Supplier<T> work) {
    return QuarkusTransaction.requiringNew().call(work::get);
  }
}
