package io.identities.email.warmup;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.InboxSentByHand;
import io.identities.backbone.outbox.Outbox;
import io.identities.email.domain.EmailIdentity;
import io.identities.email.domain.Inbox;
import io.identities.email.mail.MailAccount;
import io.identities.email.mail.MailFailure;
import io.identities.email.mail.MailServers;
import io.identities.email.mail.MailServers.SentMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Watches the Sent folder of a warming identity's inboxes for mail its owner sent by hand (neither
 * a campaign send nor warm-up mail, which some providers also keep there): the warm-up asks them
 * not to, and warmup-service warns them when they do (email.inbox.sent-by-hand). Only what arrives
 * in the folder after the warm-up started is looked at.
 */
@ApplicationScoped
public class HandSentMail {

  private static final Logger LOG = Logger.getLogger(HandSentMail.class);

  private final MailServers servers;
  private final Outbox outbox;
  private final EntityManager entityManager;

  HandSentMail(MailServers servers, Outbox outbox, EntityManager entityManager) {
    this.servers = servers;
    this.outbox = outbox;
    this.entityManager = entityManager;
  }

  private record Position(boolean warming, Long uidValidity, Long lastUid) {}

  /** Looks at what the inbox's Sent folder got since the last look, while its identity warms up. */
  public void watch(UUID inboxId, MailAccount account) {
    Position position =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Inbox inbox = Inbox.findById(inboxId);
                  EmailIdentity identity = EmailIdentity.findById(inbox.identityId);
                  if (!identity.warmingUp && inbox.sentLastUid != null) {
                    inbox.sentUidValidity = null; // the next warm-up looks from its own start
                    inbox.sentLastUid = null;
                  }
                  return new Position(identity.warmingUp, inbox.sentUidValidity, inbox.sentLastUid);
                });
    if (!position.warming()) {
      return;
    }
    SentMail sent;
    try {
      sent = servers.sentSince(account, position.uidValidity(), position.lastUid());
    } catch (MailFailure failure) {
      LOG.warnf("the Sent folder of inbox %s not read, read next time: %s", inboxId, failure);
      return;
    }
    QuarkusTransaction.requiringNew().run(() -> take(inboxId, position, sent));
  }

  private void take(UUID inboxId, Position position, SentMail sent) {
    Inbox inbox = Inbox.findById(inboxId, LockModeType.PESSIMISTIC_WRITE);
    if (!Objects.equals(inbox.sentLastUid, position.lastUid())) {
      return; // another reader took this part of the folder
    }
    inbox.sentUidValidity = sent.uidValidity();
    inbox.sentLastUid = sent.lastUid();
    long byHand = sent.messageIds().stream().filter(id -> !ours(inbox.identityId, id)).count();
    if (byHand > 0) {
      outbox.publishEvent(
          EventTypes.EMAIL_INBOX_SENT_BY_HAND,
          inbox.orgId,
          inbox.id,
          new InboxSentByHand(inbox.identityId, inbox.id, inbox.address, (int) byHand));
    }
  }

  /** A campaign send of the identity, or warm-up mail: the gateway sent it. */
  private boolean ours(UUID identityId, String messageId) {
    List<?> found =
        entityManager
            .createNativeQuery(
                "select 1 from email_send where identity_id = ?1 and message_id = ?2 union all"
                    + " select 1 from warmup_mail where message_id = ?2")
            .setParameter(1, identityId)
            .setParameter(2, messageId)
            .setMaxResults(1)
            .getResultList();
    return !found.isEmpty();
  }
}
