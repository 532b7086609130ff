package io.identities.email.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** A message that keeps the Message-ID the gateway recorded (Jakarta Mail would make its own). */
public final class RecordedIdMessage extends MimeMessage {

  private static final Session SESSION = Session.getInstance(new Properties());

  private final String messageId;

  public RecordedIdMessage(String messageId) {
    super(SESSION);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
