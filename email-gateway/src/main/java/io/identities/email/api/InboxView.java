package io.identities.email.api;

import io.identities.email.domain.Inbox;
import io.identities.email.domain.InboxLoad;
import io.identities.email.domain.InboxStatus;
import io.identities.email.domain.MailProvider;
import io.identities.email.mail.MailEndpoint;
import java.time.Instant;
import java.util.UUID;

/**
 * An inbox as its owner sees it (never its credentials), with what it has used of its limits.
 *
 * @param nextSlot when it can send next, limits and working hours considered; null while it cannot
 *     send
 */
public record InboxView(
    UUID id,
    UUID identityId,
    String address,
    MailProvider provider,
    InboxStatus status,
    String statusReason,
    MailEndpoint smtp,
    MailEndpoint imap,
    String username,
    Instant connectedAt,
    Long sentToday,
    Integer dailyLimit,
    Long sentThisHour,
    Integer hourlyLimit,
    Instant nextSlot) {

  static InboxView of(Inbox inbox, InboxLoad.Load load) {
    return new InboxView(
        inbox.id,
        inbox.identityId,
        inbox.address,
        inbox.provider,
        inbox.status,
        inbox.statusReason,
        new MailEndpoint(inbox.smtpHost, inbox.smtpPort, inbox.smtpSecurity),
        new MailEndpoint(inbox.imapHost, inbox.imapPort, inbox.imapSecurity),
        inbox.username,
        inbox.connectedAt,
        load == null ? null : load.sentToday(),
        load == null ? null : load.dailyLimit(),
        load == null ? null : load.sentThisHour(),
        load == null ? null : load.hourlyLimit(),
        load == null ? null : load.nextSlot());
  }

  static InboxView of(Inbox inbox) {
    return of(inbox, null);
  }
}
