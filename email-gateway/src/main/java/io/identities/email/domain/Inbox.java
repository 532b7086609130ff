package io.identities.email.domain;

import io.identities.backbone.crypto.SecretCipher;
import io.identities.email.mail.MailAccount;
import io.identities.email.mail.MailEndpoint;
import io.identities.email.mail.MailEndpoint.Security;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.TenantId;

/**
 * An email address connected to an identity: its SMTP and IMAP servers and its credentials, sealed
 * with the inbox's id (see {@link SecretCipher}). An address is connected once per organization.
 */
@Entity
@Table(name = "inbox")
@DynamicUpdate // the watcher and the senders write their own columns, never a stale whole row
public class Inbox extends PanacheEntityBase {

  @Id public UUID id;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "identity_id", nullable = false)
  public UUID identityId;

  /** The address, lower case. */
  @Column(nullable = false)
  public String address;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public MailProvider provider;

  @Column(name = "smtp_host", nullable = false)
  public String smtpHost;

  @Column(name = "smtp_port", nullable = false)
  public int smtpPort;

  @Enumerated(EnumType.STRING)
  @Column(name = "smtp_security", nullable = false)
  public Security smtpSecurity;

  @Column(name = "imap_host", nullable = false)
  public String imapHost;

  @Column(name = "imap_port", nullable = false)
  public int imapPort;

  @Enumerated(EnumType.STRING)
  @Column(name = "imap_security", nullable = false)
  public Security imapSecurity;

  @Column(nullable = false)
  public String username;

  /** The password, or an OAuth inbox's tokens, sealed; null while disconnected. */
  @Column(name = "sealed_credentials")
  String sealedCredentials;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public InboxStatus status;

  /** Why the inbox is paused. */
  @Column(name = "status_reason")
  public String statusReason;

  @Column(name = "connected_at")
  public Instant connectedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  /** When it last took a send: ties in load balancing go to the least recently used. */
  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  /** Logins refused in a row while sending or reading; reset by a successful one. */
  @Column(name = "auth_failures", nullable = false)
  public int authFailures;

  /** The INBOX folder's UIDVALIDITY and the last UID read there (replies and bounces). */
  @Column(name = "imap_uid_validity", nullable = false)
  public long imapUidValidity;

  @Column(name = "imap_last_uid", nullable = false)
  public long imapLastUid;

  /** Where its Sent folder was read to, while its identity warms up (null: not yet). */
  @Column(name = "sent_uid_validity")
  public Long sentUidValidity;

  @Column(name = "sent_last_uid")
  public Long sentLastUid;

  @Column(name = "last_polled_at")
  public Instant lastPolledAt;

  /** A new inbox of {@code identityId} at {@code provider}, with its id chosen now. */
  static Inbox of(UUID identityId, String address, MailProvider provider) {
    Inbox inbox = new Inbox();
    inbox.id = UUID.randomUUID();
    inbox.identityId = identityId;
    inbox.address = address;
    inbox.provider = provider;
    inbox.createdAt = Instant.now();
    inbox.status = InboxStatus.DISCONNECTED;
    return inbox;
  }

  /**
   * Connects (again) with servers just verified and the secret to keep: the password, or for an
   * OAuth inbox its tokens.
   */
  void connect(MailAccount account, String secret, SecretCipher cipher) {
    smtpHost = account.smtp().host();
    smtpPort = account.smtp().port();
    smtpSecurity = account.smtp().security();
    imapHost = account.imap().host();
    imapPort = account.imap().port();
    imapSecurity = account.imap().security();
    username = account.username();
    seal(secret, cipher);
    status = InboxStatus.CONNECTED;
    statusReason = null;
    authFailures = 0;
    connectedAt = Instant.now();
  }

  /** The kept secret: the password, or an OAuth inbox's tokens. */
  public String secret(SecretCipher cipher) {
    return cipher.open(sealedCredentials, secretContext());
  }

  public void seal(String secret, SecretCipher cipher) {
    sealedCredentials = cipher.seal(secret, secretContext());
  }

  public MailEndpoint smtp() {
    return new MailEndpoint(smtpHost, smtpPort, smtpSecurity);
  }

  public MailEndpoint imap() {
    return new MailEndpoint(imapHost, imapPort, imapSecurity);
  }

  /**
   * Its SMTP or IMAP server refused the credentials; answers whether that paused it ({@code
   * pauseAfter} refusals in a row).
   */
  public boolean loginRefused(int pauseAfter) {
    if (++authFailures < pauseAfter || status != InboxStatus.CONNECTED) {
      return false;
    }
    pause(
        "the mail server refused the credentials "
            + authFailures
            + " times in a row: connect the inbox again");
    return true;
  }

  /** Stops sending until a person connects it again; {@code reason} says why. */
  public void pause(String reason) {
    status = InboxStatus.PAUSED;
    statusReason = reason;
  }

  /** Forgets the credentials; the inbox stays, so its leads can find it again on reconnection. */
  void disconnect() {
    sealedCredentials = null;
    status = InboxStatus.DISCONNECTED;
    statusReason = null;
  }

  private String secretContext() {
    return id + ":inbox";
  }
}
