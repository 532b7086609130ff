package io.identities.simulator.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.AuthorizationException;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ConcurrentModificationException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real SMTP and IMAP server (GreenMail), plain and over implicit TLS (a self-signed certificate
 * nobody trusts), with password-protected mailboxes: SMTP and IMAP refuse a wrong password, as
 * XOAUTH2 refuses a token that is not the mailbox's current one. Mail sent to any address is kept
 * in that address's mailbox; tests read it back, or drop replies and delivery reports in.
 */
public final class LocalMailServer implements AutoCloseable {

  /**
   * Mailboxes the local run creates: address and password (shown in the README); the seeds are the
   * warm-up's seed pool.
   */
  public static final Map<String, String> DEMO_MAILBOXES =
      Map.of(
          "ada@sales.example", "ada-mail-password",
          "grace@sales.example", "grace-mail-password",
          "lead@prospect.example", "lead-mail-password",
          "seed-1@seeds.example", "seed-1-mail-password",
          "seed-2@seeds.example", "seed-2-mail-password");

  private final GreenMail greenMail;

  /** Starts on free ports (tests). */
  public static LocalMailServer start() {
    return start(0, 0);
  }

  /** Starts with plain SMTP and IMAP on the given ports (0: any free one) and TLS on free ones. */
  public static LocalMailServer start(int smtpPort, int imapPort) {
    return new LocalMailServer(
        new ServerSetup[] {
          setup(smtpPort, ServerSetup.PROTOCOL_SMTP),
          setup(imapPort, ServerSetup.PROTOCOL_IMAP),
          setup(0, ServerSetup.PROTOCOL_SMTPS),
          setup(0, ServerSetup.PROTOCOL_IMAPS)
        });
  }

  private LocalMailServer(ServerSetup[] setups) {
    greenMail = new GreenMail(setups);
    greenMail.withConfiguration(new GreenMailConfiguration());
    greenMail.start();
  }

  private static ServerSetup setup(int port, String protocol) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
    setup.setServerStartupTimeout(10_000);
    return setup;
  }

  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  public int imapPort() {
    return greenMail.getImap().getPort();
  }

  public int smtpsPort() {
    return greenMail.getSmtps().getPort();
  }

  public int imapsPort() {
    return greenMail.getImaps().getPort();
  }

  /** Creates a mailbox whose login is its address. */
  public void addMailbox(String address, String password) {
    greenMail.setUser(address, address, password);
  }

  /**
   * Gives a mailbox a new password (or, for XOAUTH2, the access token it accepts from now on): the
   * old one is refused.
   */
  public void changePassword(String address, String password) {
    user(address).setPassword(password);
  }

  /** The messages in a mailbox's INBOX, oldest first. */
  public List<MimeMessage> messages(String address) {
    while (true) {
      try {
        return inbox(address).getMessages().stream().map(StoredMessage::getMimeMessage).toList();
      } catch (ConcurrentModificationException e) {
        // a message arrived while the list was read: read it again
      }
    }
  }

  /** Whether {@code password} (or XOAUTH2 access token) logs in to the mailbox now. */
  public boolean accepts(String address, String password) {
    return greenMail.getUserManager().test(address, password);
  }

  /** How many messages a mailbox's INBOX holds. */
  public int count(String address) {
    return inbox(address).getMessageCount();
  }

  private MailFolder inbox(String address) {
    try {
      return greenMail.getManagers().getImapHostManager().getInbox(user(address));
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The messages in one of a mailbox's folders (null when it has no such folder), with flags. */
  public List<StoredMessage> folder(String address, String folder) {
    MailFolder found =
        greenMail.getManagers().getImapHostManager().getFolder(user(address), folder);
    return found == null ? null : List.copyOf(found.getMessages());
  }

  /**
   * Puts a message into one of a mailbox's folders (created if missing), as a mail client would.
   */
  public void file(String address, String folder, MimeMessage message) {
    ImapHostManager folders = greenMail.getManagers().getImapHostManager();
    try {
      MailFolder found = folders.getFolder(user(address), folder);
      (found != null ? found : folders.createMailbox(user(address), folder))
          .appendMessage(message, new Flags(Flags.Flag.SEEN), new Date());
    } catch (FolderException | AuthorizationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Has the mailbox's provider file what {@code sender} sends it as spam, into its {@code Junk}
   * folder, as a spam filter does on delivery: each message once, so one moved back by hand stays.
   */
  public void fileAsSpam(String address, String sender) {
    GreenMailUser user = user(address);
    ImapHostManager folders = greenMail.getManagers().getImapHostManager();
    try {
      MailFolder junk = folders.getFolder(user, "Junk");
      MailFolder inbox = folders.getInbox(user);
      MailFolder spam = junk != null ? junk : folders.createMailbox(user, "Junk");
      Set<String> filed = ConcurrentHashMap.newKeySet();
      inbox.addListener(
          new FolderListener() {
            @Override
            public void added(int msn) {
              for (StoredMessage message : List.copyOf(inbox.getMessages())) {
                if (isFrom(message.getMimeMessage(), sender)
                    && filed.add(String.valueOf(messageId(message.getMimeMessage())))) {
                  try {
                    inbox.moveMessage(message.getUid(), spam);
                  } catch (FolderException e) {
                    throw new IllegalStateException(e);
                  }
                }
              }
            }

            @Override
            public void expunged(int msn) {}

            @Override
            public void flagsUpdated(int msn, Flags flags, Long uid) {}

            @Override
            public void mailboxDeleted() {}
          });
    } catch (FolderException | AuthorizationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Has the mailbox's provider drop a header from what it receives, as some rewrite or strip
   * headers they do not know (Microsoft does): the message keeps its Message-ID.
   */
  public void dropHeader(String address, String header) {
    try {
      MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user(address));
      inbox.addListener(
          new FolderListener() {
            @Override
            public void added(int msn) {
              for (StoredMessage message : List.copyOf(inbox.getMessages())) {
                try {
                  if (message.getMimeMessage().getHeader(header) != null) {
                    MimeMessage stripped = new MimeMessage(message.getMimeMessage());
                    stripped.removeHeader(header);
                    inbox.setFlags(
                        new Flags(Flags.Flag.DELETED), true, message.getUid(), null, false);
                    inbox.expunge();
                    inbox.appendMessage(stripped, new Flags(), new Date());
                  }
                } catch (MessagingException | FolderException e) {
                  throw new IllegalStateException(e);
                }
              }
            }

            @Override
            public void expunged(int msn) {}

            @Override
            public void flagsUpdated(int msn, Flags flags, Long uid) {}

            @Override
            public void mailboxDeleted() {}
          });
    } catch (FolderException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isFrom(MimeMessage message, String sender) {
    try {
      return message.getFrom() != null
          && message.getFrom()[0] instanceof InternetAddress from
          && sender.equalsIgnoreCase(from.getAddress());
    } catch (MessagingException e) {
      return false;
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      return null;
    }
  }

  /** Puts a message into a mailbox's INBOX, as if it had arrived from outside. */
  public void deliver(String address, MimeMessage message) {
    user(address).deliver(message);
  }

  /** Delivers to {@code inbox} a reply from {@code lead} to the message {@code inReplyTo}. */
  public void reply(String lead, String inbox, String inReplyTo, String text) {
    deliver(
        inbox,
        parse(
            "From: "
                + lead
                + "\r\nTo: "
                + inbox
                + "\r\nSubject: Re: your email\r\nMessage-ID: <"
                + UUID.randomUUID()
                + "@prospect.example>\r\nIn-Reply-To: "
                + inReplyTo
                + "\r\nReferences: "
                + inReplyTo
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + text
                + "\r\n"));
  }

  /**
   * Delivers to {@code inbox} the delivery status notification (RFC 3464) a receiving server sends
   * when {@code recipient} does not exist, about the message {@code originalMessageId}.
   */
  public void bounce(String inbox, String recipient, String originalMessageId) {
    String boundary = "report-" + UUID.randomUUID();
    deliver(
        inbox,
        parse(
            "From: Mail Delivery System <mailer-daemon@prospect.example>\r\nTo: "
                + inbox
                + "\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: <"
                + UUID.randomUUID()
                + "@prospect.example>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\""
                + boundary
                + "\"\r\n\r\n--"
                + boundary
                + "\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n--"
                + boundary
                + "\r\nContent-Type: message/delivery-status\r\n\r\n"
                + "Reporting-MTA: dns; mx.prospect.example\r\n\r\n"
                + "Final-Recipient: rfc822; "
                + recipient
                + "\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <"
                + recipient
                + ">: user unknown\r\n\r\n--"
                + boundary
                + "\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: "
                + originalMessageId
                + "\r\nTo: "
                + recipient
                + "\r\nSubject: the original\r\n\r\n--"
                + boundary
                + "--\r\n"));
  }

  private static MimeMessage parse(String raw) {
    try {
      return new MimeMessage(
          Session.getInstance(new Properties()),
          new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private GreenMailUser user(String address) {
    GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
    if (user == null) {
      user = greenMail.setUser(address, address, "");
    }
    return user;
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  /** The local run's Google-like account: it connects with OAuth, through {@link OAuthServer}. */
  public static final Map<String, String> DEMO_OAUTH_ACCOUNTS =
      Map.of("sam@google.example", "google-demo-password");

  /** The {@code i}th of the mailboxes made for load (the fault suite's senders), from 1. */
  public static String loadMailbox(int i) {
    return "load-" + i + "@load.example";
  }

  public static String loadMailboxPassword(int i) {
    return "load-" + i + "-mail-password";
  }

  /**
   * {@code java ... LocalMailServer <smtp port> <imap port> <oauth port>}: the local run's mail
   * server, and its OAuth stand-in for client {@code local-client} / {@code local-secret}; with
   * {@code MAIL_SERVER_LOAD_MAILBOXES=n} in the environment, also n {@link #loadMailbox load
   * mailboxes}.
   */
  public static void main(String[] args) throws InterruptedException {
    LocalMailServer server = start(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
    DEMO_MAILBOXES.forEach(server::addMailbox);
    int load = Integer.parseInt(System.getenv().getOrDefault("MAIL_SERVER_LOAD_MAILBOXES", "0"));
    for (int i = 1; i <= load; i++) {
      server.addMailbox(loadMailbox(i), loadMailboxPassword(i));
    }
    OAuthServer oauth =
        new OAuthServer(server, Integer.parseInt(args[2]), "local-client", "local-secret");
    DEMO_OAUTH_ACCOUNTS.forEach(oauth::addAccount);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  oauth.close();
                  server.close();
                }));
    System.out.printf(
        "mail server: SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d, mailboxes %s; OAuth %s, accounts %s%n",
        server.smtpPort(),
        server.imapPort(),
        DEMO_MAILBOXES.keySet(),
        oauth.authorizationEndpoint(),
        DEMO_OAUTH_ACCOUNTS.keySet());
    Thread.currentThread().join();
  }
}
