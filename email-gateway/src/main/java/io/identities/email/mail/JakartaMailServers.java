package io.identities.email.mail;

import io.identities.email.mail.MailEndpoint.Security;
import io.identities.email.mail.MailFailure.Kind;
import io.identities.email.mail.MailFailure.Protocol;
import io.identities.email.mail.Refusal.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.MessageIDTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.SearchTerm;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** {@link MailServers} over Jakarta Mail (Angus): SMTP(S) and IMAP(S), password or XOAUTH2. */
@ApplicationScoped
public class JakartaMailServers implements MailServers {

  private final MailConfig config;

  JakartaMailServers(MailConfig config) {
    this.config = config;
  }

  @Override
  public void verify(MailAccount account) {
    Session session = session(account);
    try (Transport transport = session.getTransport(smtpProtocol(account))) {
      transport.connect(
          account.smtp().host(), account.smtp().port(), account.username(), account.secret());
    } catch (MessagingException e) {
      throw failure(Protocol.SMTP, account.smtp(), e);
    }
    try (Store store = session.getStore(imapProtocol(account))) {
      store.connect(
          account.imap().host(), account.imap().port(), account.username(), account.secret());
    } catch (MessagingException e) {
      throw failure(Protocol.IMAP, account.imap(), e);
    }
  }

  @Override
  public List<MailFailure> sendAll(MailAccount account, List<MimeMessage> messages) {
    List<MailFailure> failures = new ArrayList<>();
    try (Transport transport = session(account).getTransport(smtpProtocol(account))) {
      transport.connect(
          account.smtp().host(), account.smtp().port(), account.username(), account.secret());
      for (MimeMessage message : messages) {
        try {
          transport.sendMessage(message, message.getAllRecipients());
          failures.add(null);
        } catch (MessagingException e) {
          failures.add(failure(Protocol.SMTP, account.smtp(), e));
        }
      }
      return failures;
    } catch (MessagingException e) {
      MailFailure failure = failure(Protocol.SMTP, account.smtp(), e);
      while (failures.size() < messages.size()) { // the connection failed: the rest were not sent
        failures.add(failure);
      }
      return failures;
    }
  }

  @Override
  public Fetched fetch(MailAccount account, long uidValidity, long afterUid, int max) {
    try (Store store = session(account).getStore(imapProtocol(account))) {
      store.connect(
          account.imap().host(), account.imap().port(), account.username(), account.secret());
      IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        long validity = inbox.getUIDValidity();
        long after = validity == uidValidity ? afterUid : 0;
        List<ReceivedMessage> received = new ArrayList<>();
        for (Message message : inbox.getMessagesByUID(after + 1, UIDFolder.MAXUID)) {
          long uid = inbox.getUID(message);
          if (uid > after && received.size() < max) { // "n:*" also answers the last message
            received.add(DeliveryReports.read(uid, (MimeMessage) message));
          }
        }
        return new Fetched(validity, received);
      } finally {
        inbox.close(false);
      }
    } catch (MessagingException e) {
      throw failure(Protocol.IMAP, account.imap(), e);
    }
  }

  @Override
  public List<LandedWarmup> tidyWarmup(
      MailAccount account, List<ExpectedWarmup> expected, String folder) {
    try (Store store = session(account).getStore(imapProtocol(account))) {
      store.connect(
          account.imap().host(), account.imap().port(), account.username(), account.secret());
      Folder inbox = store.getFolder("INBOX");
      Folder warmup = store.getFolder(folder);
      if (!warmup.exists()) {
        warmup.create(Folder.HOLDS_MESSAGES);
      }
      Set<String> rescued = new HashSet<>();
      for (Folder junk : junkFolders(store)) {
        moveFound(junk, inbox, expected, (message, token) -> rescued.add(token.token()));
      }
      List<LandedWarmup> landed = new ArrayList<>();
      moveFound(
          inbox,
          warmup,
          expected,
          (message, token) -> {
            message.setFlag(Flags.Flag.SEEN, true);
            if (token.important()) {
              message.setFlag(Flags.Flag.FLAGGED, true);
            }
            landed.add(new LandedWarmup(token.token(), rescued.contains(token.token())));
          });
      return landed;
    } catch (MessagingException e) {
      throw failure(Protocol.IMAP, account.imap(), e);
    }
  }

  private interface Handling {
    void handle(Message message, ExpectedWarmup token) throws MessagingException;
  }

  /** Moves the expected messages found in {@code from} to {@code to}, handled first. */
  private static void moveFound(
      Folder from, Folder to, List<ExpectedWarmup> expected, Handling handling)
      throws MessagingException {
    from.open(Folder.READ_WRITE);
    try {
      List<Message> found = new ArrayList<>();
      for (Message message : from.search(anyOf(expected))) {
        String token = tokenOf(message, expected);
        if (token != null) {
          handling.handle(message, expectedOf(token, expected));
          found.add(message);
        }
      }
      if (!found.isEmpty()) {
        Message[] moving = found.toArray(Message[]::new);
        from.copyMessages(moving, to);
        from.setFlags(moving, new Flags(Flags.Flag.DELETED), true);
      }
    } finally {
      from.close(true); // expunges what was moved
    }
  }

  private static SearchTerm anyOf(List<ExpectedWarmup> expected) {
    List<SearchTerm> terms = new ArrayList<>();
    terms.add(new HeaderTerm(WARMUP_TOKEN_HEADER, "")); // any message that has the header
    for (ExpectedWarmup warmup : expected) {
      terms.add(new MessageIDTerm(warmup.messageId()));
    }
    return terms.size() == 1 ? terms.get(0) : new OrTerm(terms.toArray(SearchTerm[]::new));
  }

  /** The token of the expected warm-up email a message is, or null. */
  private static String tokenOf(Message message, List<ExpectedWarmup> expected)
      throws MessagingException {
    String[] tokens = message.getHeader(WARMUP_TOKEN_HEADER);
    String[] ids = message.getHeader("Message-ID");
    for (ExpectedWarmup warmup : expected) {
      if (tokens != null && Arrays.asList(tokens).contains(warmup.token())
          || ids != null && Arrays.asList(ids).contains(warmup.messageId())) {
        return warmup.token();
      }
    }
    return null;
  }

  private static ExpectedWarmup expectedOf(String token, List<ExpectedWarmup> expected) {
    return expected.stream().filter(e -> e.token().equals(token)).findFirst().orElseThrow();
  }

  @Override
  public SentMail sentSince(MailAccount account, Long uidValidity, Long afterUid) {
    try (Store store = session(account).getStore(imapProtocol(account))) {
      store.connect(
          account.imap().host(), account.imap().port(), account.username(), account.secret());
      List<Folder> found = specialFolders(store, "\\Sent", config.sentFolders());
      if (found.isEmpty()) {
        return new SentMail(0, 0, List.of());
      }
      IMAPFolder sent = (IMAPFolder) found.get(0);
      sent.open(Folder.READ_ONLY);
      try {
        long validity = sent.getUIDValidity();
        int count = sent.getMessageCount();
        long end = count == 0 ? 0 : sent.getUID(sent.getMessage(count));
        if (afterUid == null || uidValidity == null || validity != uidValidity) {
          return new SentMail(validity, end, List.of());
        }
        List<String> ids = new ArrayList<>();
        for (Message message : sent.getMessagesByUID(afterUid + 1, UIDFolder.MAXUID)) {
          long uid = sent.getUID(message);
          if (uid > afterUid && message.getHeader(WARMUP_TOKEN_HEADER) == null) {
            String[] id = message.getHeader("Message-ID");
            ids.add(id == null ? "<no Message-ID, UID " + uid + ">" : id[0]);
          }
        }
        return new SentMail(validity, Math.max(end, afterUid), ids);
      } finally {
        sent.close(false);
      }
    } catch (MessagingException e) {
      throw failure(Protocol.IMAP, account.imap(), e);
    }
  }

  /** The mailbox's spam folders: marked {@code \Junk}, or named as spam folders usually are. */
  private List<Folder> junkFolders(Store store) throws MessagingException {
    return specialFolders(store, "\\Junk", config.junkFolders());
  }

  /** The folders marked {@code attribute} (RFC 6154), or else named one of {@code names}. */
  private static List<Folder> specialFolders(Store store, String attribute, List<String> names)
      throws MessagingException {
    List<Folder> marked = new ArrayList<>();
    List<Folder> named = new ArrayList<>();
    for (Folder folder : store.getDefaultFolder().list("*")) {
      if ((folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
        continue;
      }
      if (folder instanceof IMAPFolder imap
          && Arrays.asList(imap.getAttributes()).contains(attribute)) {
        marked.add(folder);
      } else if (names.stream().anyMatch(name -> name.equalsIgnoreCase(folder.getFullName()))) {
        named.add(folder);
      }
    }
    marked.addAll(named);
    return marked;
  }

  private Session session(MailAccount account) {
    Properties properties = new Properties();
    configure(properties, smtpProtocol(account), account.smtp().security(), account.oauth());
    configure(properties, imapProtocol(account), account.imap().security(), account.oauth());
    properties.put("mail.smtp.auth", "true");
    properties.put("mail.smtps.auth", "true");
    return Session.getInstance(properties);
  }

  private void configure(Properties properties, String protocol, Security security, boolean oauth) {
    String prefix = "mail." + protocol + ".";
    String timeout = String.valueOf(config.timeout().toMillis());
    properties.put(prefix + "connectiontimeout", timeout);
    properties.put(prefix + "timeout", timeout);
    properties.put(prefix + "writetimeout", timeout);
    if (security != Security.NONE) {
      properties.put(prefix + "ssl.checkserveridentity", "true");
    }
    if (security == Security.STARTTLS) {
      properties.put(prefix + "starttls.enable", "true");
      properties.put(prefix + "starttls.required", "true");
    }
    if (oauth) {
      properties.put(prefix + "auth.mechanisms", "XOAUTH2");
    }
  }

  private static String smtpProtocol(MailAccount account) {
    return account.smtp().security() == Security.SSL_TLS ? "smtps" : "smtp";
  }

  private static String imapProtocol(MailAccount account) {
    return account.imap().security() == Security.SSL_TLS ? "imaps" : "imap";
  }

  /** Says precisely what went wrong, from the exception and its causes. */
  static MailFailure failure(Protocol protocol, MailEndpoint endpoint, MessagingException e) {
    String server = protocol + " server " + endpoint;
    MessagingException refusal = smtpRefusal(e);
    if (refusal != null) {
      return MailFailure.rejected(
          server + " refused: " + refusal.getMessage().strip(), refusalOf(refusal), e);
    }
    if (e instanceof AuthenticationFailedException) {
      return new MailFailure(
          Kind.AUTHENTICATION_REFUSED, protocol, server + " refused the credentials", e);
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException) {
        return new MailFailure(
            Kind.TLS_FAILURE,
            protocol,
            server + ": TLS failed (" + cause.getClass().getSimpleName() + ")",
            e);
      }
      if (cause instanceof SocketTimeoutException) {
        return new MailFailure(Kind.TIMEOUT, protocol, server + " did not answer in time", e);
      }
      if (cause instanceof UnknownHostException
          || cause instanceof ConnectException
          || cause instanceof NoRouteToHostException) {
        return new MailFailure(Kind.HOST_UNREACHABLE, protocol, server + " cannot be reached", e);
      }
    }
    if (String.valueOf(e.getMessage()).contains("STARTTLS")) {
      return new MailFailure(
          Kind.TLS_FAILURE, protocol, server + " does not offer STARTTLS, which is required", e);
    }
    return new MailFailure(Kind.UNAVAILABLE, protocol, server + ": " + e.getMessage(), e);
  }

  /** Whom a refusal {@link #smtpRefusal} found is about, from the command it answered. */
  private static Refusal refusalOf(MessagingException refusal) {
    if (refusal instanceof SMTPAddressFailedException address) {
      return Refusal.of(Step.RCPT_TO, address.getReturnCode(), address.getMessage());
    }
    SMTPSendFailedException sending = (SMTPSendFailedException) refusal;
    String command = String.valueOf(sending.getCommand()).toUpperCase(Locale.ROOT);
    Step step =
        command.startsWith("MAIL")
            ? Step.MAIL_FROM
            : command.startsWith("RCPT") ? Step.RCPT_TO : Step.DATA;
    return Refusal.of(step, sending.getReturnCode(), sending.getMessage());
  }

  /** The permanent (5xx) refusal of the message or a recipient, with the server's words. */
  private static MessagingException smtpRefusal(MessagingException e) {
    for (Exception next = e;
        next instanceof MessagingException messaging;
        next = messaging.getNextException()) {
      if (next instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
        return address;
      }
      if (next instanceof SMTPSendFailedException sending && sending.getReturnCode() >= 500) {
        return sending;
      }
    }
    return null;
  }
}
