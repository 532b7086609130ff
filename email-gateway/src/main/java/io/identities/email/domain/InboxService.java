package io.identities.email.domain;

import io.identities.backbone.crypto.SecretCipher;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.TenantContext;
import io.identities.email.mail.MailAccount;
import io.identities.email.mail.MailFailure;
import io.identities.email.mail.MailServers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Connects and disconnects an identity's inboxes (spec "Email Settings"). An inbox is saved only
 * after the gateway has logged in to both its SMTP and IMAP servers; network calls happen outside
 * any database transaction.
 */
@ApplicationScoped
public class InboxService {

  private final MailServerAddresses addresses;
  private final ConnectAttempts attempts;
  private final TenantContext tenant;
  private final MailServers servers;
  private final SecretCipher cipher;
  private final InboxEvents events;
  private final InboxLoad load;

  InboxService(
      MailServers servers,
      SecretCipher cipher,
      InboxEvents events,
      InboxLoad load,
      MailServerAddresses addresses,
      ConnectAttempts attempts,
      TenantContext tenant) {
    this.addresses = addresses;
    this.attempts = attempts;
    this.tenant = tenant;
    this.servers = servers;
    this.cipher = cipher;
    this.events = events;
    this.load = load;
  }

  /** What {@link #connect} did: a new inbox, or an existing one connected again. */
  public record Connected(Inbox inbox, boolean created) {}

  /**
   * Connects {@code account} to the identity, or connects its inbox again (new credentials or
   * servers) when the identity already has that address.
   */
  public Connected connect(UUID identityId, MailAccount requested) {
    return connect(identityId, requested, () -> {}, () -> {});
  }

  /**
   * Connects {@code requested} as {@link #connect(UUID, MailAccount)} does, on conditions: {@code
   * beforeRecording} runs once both servers accepted the credentials, outside any transaction (it
   * may ask another service), and {@code alongside} in the transaction that records the inbox. If
   * either throws, nothing is recorded.
   */
  public Connected connect(
      UUID identityId, MailAccount requested, Runnable beforeRecording, Runnable alongside) {
    return connect(
        identityId, requested, MailProvider.IMAP, requested.secret(), beforeRecording, alongside);
  }

  /**
   * Connects an inbox of {@code provider} after logging in with {@code requested}; keeps {@code
   * secret}: the password, or an OAuth inbox's tokens.
   */
  public Connected connect(
      UUID identityId, MailAccount requested, MailProvider provider, String secret) {
    return connect(identityId, requested, provider, secret, () -> {}, () -> {});
  }

  private Connected connect(
      UUID identityId,
      MailAccount requested,
      MailProvider provider,
      String secret,
      Runnable beforeRecording,
      Runnable alongside) {
    MailAccount account = normalized(requested);
    inTransaction(() -> checkAddressFree(identityId(identityId), account.address()));
    attempts.attempt(tenant.orgId()); // before any server is reached
    addresses.check("smtp.host", account.smtp().host());
    addresses.check("imap.host", account.imap().host());
    try {
      servers.verify(account);
    } catch (MailFailure failure) {
      throw problem(failure);
    }
    beforeRecording.run();
    try {
      return inTransaction(
          () -> {
            alongside.run();
            Inbox inbox = checkAddressFree(identityId(identityId), account.address());
            boolean created = inbox == null;
            if (created) {
              inbox = Inbox.of(identityId, account.address(), provider);
            }
            inbox.provider = provider;
            inbox.connect(account, secret, cipher);
            inbox.persistAndFlush();
            events.changed(inbox);
            return new Connected(inbox, created);
          });
    } catch (ConstraintViolationException e) {
      throw taken(account.address()); // connected elsewhere meanwhile
    }
  }

  /** An inbox and what it has used of its limits. */
  public record InboxState(Inbox inbox, InboxLoad.Load load) {}

  /** The identity's inboxes, oldest first. */
  public List<InboxState> inboxes(UUID identityId) {
    return inTransaction(
        () -> {
          EmailIdentity identity =
              EmailIdentity.<EmailIdentity>findByIdOptional(identityId)
                  .orElseThrow(() -> ProblemException.notFound("Identity", identityId));
          return states(
              List.of(identity), Inbox.list("identityId = ?1 order by createdAt", identityId));
        });
  }

  /**
   * The inboxes of those identities, in their order, each identity's by address; an id of no
   * identity of the organization has none. Read in a few queries however many identities there are.
   */
  public List<InboxState> inboxes(List<UUID> identityIds) {
    return inTransaction(
        () ->
            states(
                EmailIdentity.list("identityId in ?1", identityIds),
                Inbox.<Inbox>list("identityId in ?1 order by address", identityIds).stream()
                    .sorted(Comparator.comparing(inbox -> identityIds.indexOf(inbox.identityId)))
                    .toList()));
  }

  private List<InboxState> states(List<EmailIdentity> identities, List<Inbox> inboxes) {
    Map<UUID, InboxLoad.Load> loads = load.of(identities, inboxes);
    return inboxes.stream().map(inbox -> new InboxState(inbox, loads.get(inbox.id))).toList();
  }

  /** Disconnects an inbox: its credentials are forgotten, it sends nothing more. */
  public Inbox disconnect(UUID identityId, UUID inboxId) {
    return inTransaction(
        () -> {
          Inbox inbox = inbox(identityId, inboxId);
          inbox.disconnect();
          events.changed(inbox);
          return inbox;
        });
  }

  private static Inbox inbox(UUID identityId, UUID inboxId) {
    return Inbox.<Inbox>find("id = ?1 and identityId = ?2", inboxId, identityId(identityId))
        .firstResultOptional()
        .orElseThrow(() -> ProblemException.notFound("Inbox", inboxId));
  }

  private static UUID identityId(UUID identityId) {
    if (EmailIdentity.findByIdOptional(identityId).isEmpty()) {
      throw ProblemException.notFound("Identity", identityId);
    }
    return identityId;
  }

  /** The identity's own inbox with that address, if any; 409 when another identity has it. */
  private static Inbox checkAddressFree(UUID identityId, String address) {
    Inbox inbox = Inbox.<Inbox>find("address", address).firstResult();
    if (inbox != null && !inbox.identityId.equals(identityId)) {
      throw taken(address);
    }
    return inbox;
  }

  private static MailAccount normalized(MailAccount account) {
    String address = account.address().strip().toLowerCase(Locale.ROOT);
    String username = account.username() == null ? address : account.username().strip();
    return new MailAccount(
        address, account.smtp(), account.imap(), username, account.secret(), account.oauth());
  }

  private static ProblemException taken(String address) {
    return ProblemException.conflict(
        address + " is already connected to another identity of this organization");
  }

  private static ProblemException problem(MailFailure failure) {
    String field = failure.protocol().name().toLowerCase(Locale.ROOT);
    return switch (failure.kind()) {
      case AUTHENTICATION_REFUSED ->
          new ProblemException(
              422,
              "Authentication refused",
              failure.getMessage() + ": check the user name and password",
              List.of(new Problem.FieldError("password", failure.getMessage())));
      case TLS_FAILURE ->
          new ProblemException(
              422,
              "TLS failure",
              failure.getMessage() + ": check the port and its security setting",
              List.of(new Problem.FieldError(field + ".security", failure.getMessage())));
      case HOST_UNREACHABLE ->
          new ProblemException(
              422,
              "Host unreachable",
              failure.getMessage() + ": check the host name and port",
              List.of(new Problem.FieldError(field + ".host", failure.getMessage())));
      case TIMEOUT ->
          new ProblemException(
              504,
              "Timeout",
              failure.getMessage() + ": check the port, or try again later",
              List.of(new Problem.FieldError(field + ".port", failure.getMessage())));
      case REJECTED, UNAVAILABLE ->
          new ProblemException(502, "Mail server error", failure.getMessage(), List.of());
    };
  }

  private static <T> T inTransaction(Supplier<T> work) {
    return QuarkusTransaction.requiringNew().call(work::get);
  }
}
