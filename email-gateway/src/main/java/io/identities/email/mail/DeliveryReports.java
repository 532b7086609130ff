package io.identities.email.mail;

import io.identities.email.mail.ReceivedMessage.DeliveryReport;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what matters of a received message: the Message-IDs it answers, and whether it is a
 * delivery status notification (RFC 3464: {@code multipart/report; report-type=delivery-status})
 * and about which message.
 */
final class DeliveryReports {

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

  private DeliveryReports() {}

  static ReceivedMessage read(long uid, MimeMessage message) throws MessagingException {
    List<String> threadIds = new ArrayList<>();
    threadIds.addAll(ids(message.getHeader("In-Reply-To", " ")));
    threadIds.addAll(ids(message.getHeader("References", " ")));
    String from = message.getFrom() == null ? null : message.getFrom()[0].toString();
    return new ReceivedMessage(uid, from, threadIds, report(message));
  }

  private static DeliveryReport report(MimeMessage message) throws MessagingException {
    ContentType type = new ContentType(message.getContentType());
    if (!type.match("multipart/report")
        || !"delivery-status".equalsIgnoreCase(type.getParameter("report-type"))) {
      return null;
    }
    try {
      Multipart parts = (Multipart) message.getContent();
      String originalMessageId = null;
      boolean failed = false;
      String diagnostic = null;
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.isMimeType("message/delivery-status")) {
          String status = text(part);
          failed =
              field(status, "Action")
                  .map(action -> action.equalsIgnoreCase("failed"))
                  .orElse(false);
          diagnostic =
              String.join(
                      " ",
                      field(status, "Status").orElse(""),
                      field(status, "Diagnostic-Code").orElse(""))
                  .strip();
        } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
          InternetHeaders original = new InternetHeaders(raw(part));
          List<String> ids = ids(original.getHeader("Message-ID", " "));
          originalMessageId = ids.isEmpty() ? null : ids.get(0);
        }
      }
      return new DeliveryReport(originalMessageId, failed, diagnostic);
    } catch (IOException e) {
      throw new MessagingException("unreadable delivery report", e);
    }
  }

  private static List<String> ids(String header) {
    if (header == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    Matcher matcher = MESSAGE_ID.matcher(header);
    while (matcher.find()) {
      ids.add(matcher.group());
    }
    return ids;
  }

  /** A field of the per-recipient block ("Action: failed"), unfolded. */
  private static java.util.Optional<String> field(String status, String name) {
    return Arrays.stream(status.replaceAll("\\r?\\n[ \\t]+", " ").split("\\r?\\n"))
        .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
        .map(line -> line.substring(name.length() + 1).strip())
        .reduce((first, last) -> last);
  }

  private static String text(BodyPart part) throws IOException, MessagingException {
    return new String(raw(part).readAllBytes(), StandardCharsets.UTF_8);
  }

  /** The part's content as bytes, whatever object Jakarta Mail made of it. */
  private static InputStream raw(BodyPart part) throws IOException, MessagingException {
    Object content = part.getContent();
    if (content instanceof MimeMessage embedded) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      embedded.writeTo(bytes);
      return new ByteArrayInputStream(bytes.toByteArray());
    }
    if (content instanceof String text) {
      return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
    return part.getInputStream();
  }
}
