package io.identities.email.mail;

import io.identities.email.mail.MailEndpoint.Security;
import io.identities.email.mail.MailFailure.Kind;
import io.identities.email.mail.MailFailure.Protocol;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
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
      return new MailFailure(
          Kind.REJECTED, protocol, server + " refused: " + refusal.getMessage().strip(), e);
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
