package io.identities.email.sending;

import io.identities.email.domain.EmailIdentity;
import io.identities.email.mail.RecordedIdMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes the MIME message of a send: the identity's signature appended to each body part (HTML and
 * text), the attachments, the Message-ID the gateway recorded, and the thread headers.
 */
final class Composer {

  private Composer() {}

  static MimeMessage compose(
      Send send, String fromAddress, EmailIdentity identity, List<Attachment> attachments) {
    try {
      MimeMessage message = new RecordedIdMessage(send.messageId);
      message.setFrom(new InternetAddress(fromAddress, identity.name, "UTF-8"));
      message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(send.recipient));
      message.setSubject(send.subject, "UTF-8");
      message.setSentDate(new Date());
      if (send.inReplyTo != null) {
        message.setHeader("In-Reply-To", send.inReplyTo);
        message.setHeader("References", send.references);
      }
      MimeMultipart body = body(send, identity);
      if (attachments.isEmpty()) {
        message.setContent(body);
      } else {
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(wrap(body));
        for (Attachment attachment : attachments) {
          MimeBodyPart part = new MimeBodyPart();
          part.setDataHandler(
              new DataHandler(new ByteArrayDataSource(attachment.content, attachment.contentType)));
          part.setFileName(attachment.filename);
          part.setDisposition(MimeBodyPart.ATTACHMENT);
          mixed.addBodyPart(part);
        }
        message.setContent(mixed);
      }
      message.saveChanges();
      return message;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException("cannot write the message of send " + send.id, e);
    }
  }

  /** The text and HTML alternatives, whichever the send has, each with its signature. */
  private static MimeMultipart body(Send send, EmailIdentity identity) throws MessagingException {
    List<MimeBodyPart> parts = new ArrayList<>();
    if (send.textBody != null) {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(withTextSignature(send.textBody, identity.signatureText), "UTF-8", "plain");
      parts.add(text);
    }
    if (send.htmlBody != null) {
      MimeBodyPart html = new MimeBodyPart();
      html.setText(withHtmlSignature(send.htmlBody, identity.signatureHtml), "UTF-8", "html");
      parts.add(html);
    }
    MimeMultipart alternative = new MimeMultipart("alternative");
    for (MimeBodyPart part : parts) {
      alternative.addBodyPart(part);
    }
    return alternative;
  }

  private static MimeBodyPart wrap(MimeMultipart multipart) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setContent(multipart);
    return part;
  }

  /** The usual "-- " separator line, so mail clients recognize and fold the signature. */
  static String withTextSignature(String text, String signature) {
    return signature == null || signature.isBlank() ? text : text + "\n\n-- \n" + signature;
  }

  /** Inside the body element when the HTML has one, else after it. */
  static String withHtmlSignature(String html, String signature) {
    if (signature == null || signature.isBlank()) {
      return html;
    }
    String block = "<br><br><div class=\"signature\">" + signature + "</div>";
    int end = html.toLowerCase().lastIndexOf("</body>");
    return end < 0 ? html + block : html.substring(0, end) + block + html.substring(end);
  }

  static int utf8Length(String text) {
    return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
  }
}
