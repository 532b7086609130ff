package io.identities.email.mail;

import jakarta.mail.internet.MimeMessage;
import java.util.List;

/** The port to inboxes' SMTP and IMAP servers. Every method throws {@link MailFailure}. */
public interface MailServers {

  /** Logs in to both the SMTP and the IMAP server, and out again. */
  void verify(MailAccount account);

  /**
   * Hands each message to the SMTP server for its recipients, over one connection: answers the
   * failure of each (null when it was sent; {@link MailFailure.Kind#REJECTED} when the server
   * refused it for good, 5xx), so a refused recipient stops only its own message.
   */
  List<MailFailure> sendAll(MailAccount account, List<MimeMessage> messages);

  /**
   * The messages of the INBOX after {@code afterUid} (at most {@code max}), oldest first. When the
   * folder's UIDVALIDITY is not {@code uidValidity} its UIDs were renumbered: it reads from the
   * start.
   */
  Fetched fetch(MailAccount account, long uidValidity, long afterUid, int max);

  /** The messages read, and the folder's UIDVALIDITY to remember with the last UID. */
  record Fetched(long uidValidity, List<ReceivedMessage> messages) {}

  /** The header that carries a warm-up email's token. */
  String WARMUP_TOKEN_HEADER = "X-Identities-Warmup";

  /**
   * Looks for the expected warm-up emails in the mailbox's INBOX and spam folders (by their token
   * header, or by Message-ID where a provider dropped the header) and tidies each away as a person
   * would: one in spam is moved to the INBOX first (the provider learns it is not spam), then it is
   * marked read, flagged when asked, and filed into {@code folder} (created if missing), so the
   * owner never sees it. Answers those found, with where each had landed.
   */
  List<LandedWarmup> tidyWarmup(MailAccount account, List<ExpectedWarmup> expected, String folder);

  /** A warm-up email on its way to this mailbox. */
  record ExpectedWarmup(String token, String messageId, boolean important) {}

  /** A warm-up email found, and whether it was in a spam folder. */
  record LandedWarmup(String token, boolean inSpam) {}

  /**
   * The Message-IDs of the messages in the mailbox's Sent folder after {@code afterUid} that carry
   * no warm-up token. With no position yet ({@code afterUid} null), or when the folder's UIDs were
   * renumbered, it answers none and where the folder ends now, to look from there next time.
   */
  SentMail sentSince(MailAccount account, Long uidValidity, Long afterUid);

  /** What the Sent folder got, and where it ends (UIDVALIDITY and last UID; 0 without one). */
  record SentMail(long uidValidity, long lastUid, List<String> messageIds) {}
}
