package io.identities.warmup.plan;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.WarmupEmails;
import io.identities.backbone.outbox.Outbox;
import io.identities.warmup.domain.WarmupConfig;
import io.identities.warmup.plan.WarmupWriting.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Fills warm-up emails and asks email-gateway for them (warmup.email.send), in the caller's
 * transaction, by the reply rules every answering inbox follows: an inbox owes an answer to the
 * oldest email it received that wants one, landed at least {@code reply-after} ago (within 7 days),
 * answered in its thread; each email is flagged important and answered in turn at the configured
 * rates, up to {@code thread-length} emails a thread.
 */
@ApplicationScoped
public class EmailRequests {

  private static final Duration ANSWER_WITHIN = Duration.ofDays(7);

  private final EntityManager entityManager;
  private final Outbox outbox;
  private final WarmupConfig config;
  private final RandomGenerator random = RandomGenerator.getDefault();

  EmailRequests(EntityManager entityManager, Outbox outbox, WarmupConfig config) {
    this.entityManager = entityManager;
    this.outbox = outbox;
    this.config = config;
  }

  /** The oldest email the inbox received that wants an answer now, taken for the caller. */
  Optional<WarmupEmail> owedBy(UUID inboxId, Instant now) {
    return locked(
            "select id from warmup_email where recipient_inbox_id = ?1 and reply_wanted"
                + " and replied_by is null and landed_at <= ?2 and landed_at > ?3"
                + " order by landed_at limit 1",
            inboxId,
            now.minus(config.replyAfter()),
            now.minus(ANSWER_WITHIN))
        .map(owedId -> WarmupEmail.<WarmupEmail>findById(owedId));
  }

  /**
   * Fills {@code email} (from its sender inbox) as an answer to {@code answered} in its thread, or
   * as a new thread to {@code recipient} when that is null, and asks email-gateway for it.
   */
  void ask(WarmupEmail email, String recipient, WarmupEmail answered, Instant now) {
    Text text;
    String inReplyTo = null;
    if (answered != null) {
      answered.repliedBy = email.id;
      email.recipientInboxId = answered.senderInboxId;
      email.recipientOrgId = answered.orgId;
      email.answersId = answered.id;
      email.threadDepth = answered.threadDepth + 1;
      inReplyTo = answered.messageId;
      email.references =
          answered.references == null
              ? answered.messageId
              : answered.references + " " + answered.messageId;
      text = WarmupWriting.reply(answered.subject, random);
    } else {
      text = WarmupWriting.first(random);
    }
    email.subject = text.subject();
    email.important = random.nextDouble() < config.importantRate();
    email.replyWanted =
        email.threadDepth < config.threadLength() && random.nextDouble() < config.replyRate();
    email.status = WarmupEmail.Status.REQUESTED;
    email.requestedAt = now;
    outbox.sendCommand(
        EventTypes.WARMUP_EMAIL_SEND,
        email.orgId,
        email.id,
        new WarmupEmails.Send(
            email.id,
            email.senderInboxId,
            recipient,
            text.subject(),
            text.body(),
            inReplyTo,
            email.references,
            email.important));
  }

  /** The first row the query finds that no other transaction holds, locked for the caller. */
  Optional<UUID> locked(String query, Object... parameters) {
    jakarta.persistence.Query select =
        entityManager.createNativeQuery(query + " for update skip locked", UUID.class);
    for (int i = 0; i < parameters.length; i++) {
      select.setParameter(i + 1, parameters[i]);
    }
    return select.getResultList().stream().findFirst().map(UUID.class::cast);
  }
}
