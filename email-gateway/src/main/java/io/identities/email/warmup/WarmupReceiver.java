package io.identities.email.warmup;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.WarmupEmails;
import io.identities.backbone.outbox.Outbox;
import io.identities.email.mail.MailAccount;
import io.identities.email.mail.MailFailure;
import io.identities.email.mail.MailServers;
import io.identities.email.mail.MailServers.ExpectedWarmup;
import io.identities.email.mail.MailServers.LandedWarmup;
import io.identities.email.mail.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The receiving side of the warm-up, for the inbox reader: finds the warm-up emails on their way to
 * an inbox, has them tidied away (rescued from spam, read, flagged, filed), and tells the sender's
 * warm-up where each had landed (warmup.email.received); a delivery report that one never arrived
 * is news for warmup-service too (warmup.email.failed). Warm-up mail is never a reply or a bounce
 * of a campaign.
 */
@ApplicationScoped
public class WarmupReceiver {

  private static final Logger LOG = Logger.getLogger(WarmupReceiver.class);

  private final MailServers servers;
  private final Outbox outbox;
  private final Clock clock;
  private final WarmupConfig config;
  private final WarmupMailer mailer;

  WarmupReceiver(
      MailServers servers, Outbox outbox, Clock clock, WarmupConfig config, WarmupMailer mailer) {
    this.servers = servers;
    this.outbox = outbox;
    this.clock = clock;
    this.config = config;
    this.mailer = mailer;
  }

  /** Tidies away the warm-up mail that reached the inbox (a mailbox login only if some is due). */
  public void receive(UUID inboxId, MailAccount account) {
    List<ExpectedWarmup> expected =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    WarmupMail.expectedAt(
                            account.address(), clock.instant().minus(config.lookFor()))
                        .stream()
                        .map(mail -> new ExpectedWarmup(mail.token, mail.messageId, mail.important))
                        .toList());
    if (expected.isEmpty()) {
      return;
    }
    List<LandedWarmup> landed;
    try {
      landed = servers.tidyWarmup(account, expected, config.folder());
    } catch (MailFailure failure) {
      LOG.warnf("warm-up mail of inbox %s not read, read next time: %s", inboxId, failure);
      return;
    }
    QuarkusTransaction.requiringNew().run(() -> landed.forEach(found -> received(inboxId, found)));
  }

  /**
   * A delivery status notification in the sending inbox reports a failure for good of one of the
   * messages {@code messageIds} names (in the reader's transaction): when it is one of the inbox's
   * warm-up emails, warmup-service hears of it as of a refusal at send time (warmup.email.failed),
   * never as a campaign bounce. Answers whether it was warm-up mail.
   */
  public boolean reported(UUID inboxId, List<String> messageIds, String diagnostic) {
    if (messageIds.isEmpty()) {
      return false;
    }
    WarmupMail mail =
        WarmupMail.<WarmupMail>find("inboxId = ?1 and messageId in ?2", inboxId, messageIds)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResult();
    if (mail == null) {
      return false;
    }
    if (mail.status == WarmupMail.Status.SENT) { // not found at its recipient: it never arrived
      mailer.failed(
          mail.id, "reported: " + diagnostic, Refusal.of(Refusal.Step.REPORT, 0, diagnostic));
    }
    return true;
  }

  private void received(UUID inboxId, LandedWarmup found) {
    WarmupMail mail =
        WarmupMail.<WarmupMail>find("token", found.token())
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResult();
    if (mail == null || mail.status != WarmupMail.Status.SENT) {
      return; // another reader of the inbox took it first
    }
    Instant now = clock.instant();
    mail.status = WarmupMail.Status.RECEIVED;
    mail.receivedAt = now;
    mail.placement = found.inSpam() ? WarmupEmails.SPAM : WarmupEmails.INBOX;
    outbox.publishEvent(
        EventTypes.WARMUP_EMAIL_RECEIVED,
        mail.orgId,
        mail.id,
        new WarmupEmails.Received(mail.id, inboxId, mail.placement, now));
  }
}
