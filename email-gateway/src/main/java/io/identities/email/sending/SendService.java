package io.identities.email.sending;

import io.identities.backbone.events.SendEmail;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.problem.ProblemException;
import io.identities.email.domain.EmailIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes sends in (from the email.send command or the API), checks them whole before anything is
 * recorded, and queues them for the {@link Dispatcher}. The send's id is the command's: the same
 * command twice is one send.
 */
@ApplicationScoped
@Transactional
public class SendService {

  static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final Pattern PLAIN_ADDRESS =
      Pattern.compile("[^\\s@<>\",;]+@[^\\s@<>\",;]+\\.[^\\s@<>\",;]+");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");

  private final Clock clock;
  private final Event<SendQueued> queued;

  SendService(Clock clock, Event<SendQueued> queued) {
    this.clock = clock;
    this.queued = queued;
  }

  /**
   * Fired when a transaction queued a send, or made queued ones due, so idle workers start right
   * after commit.
   */
  public record SendQueued() {}

  /** What {@link #enqueue} did: a new send, or the one an earlier identical command made. */
  public record Enqueued(Send send, boolean created) {}

  public Enqueued enqueue(UUID id, SendEmail command) {
    Send existing = Send.findById(id);
    if (existing != null) {
      return new Enqueued(existing, false);
    }
    List<byte[]> files = check(command);
    if (EmailIdentity.findByIdOptional(command.identityId()).isEmpty()) {
      throw ProblemException.notFound("Identity", command.identityId());
    }
    Send send = new Send();
    send.id = id;
    send.identityId = command.identityId();
    send.leadId = command.leadId();
    send.campaignId = command.campaignId();
    send.sequenceStep = command.sequenceStep();
    send.recipient = command.recipient().strip();
    send.subject = command.subject();
    send.htmlBody = command.htmlBody();
    send.textBody = command.textBody();
    send.replyToThread = command.replyToThread();
    send.followUp =
        command.sequenceStep() > 1
            || LeadAssignment.of(command.identityId(), command.leadId()).isPresent();
    send.status = SendStatus.QUEUED;
    send.createdAt = clock.instant();
    send.notBefore = send.createdAt;
    send.persist();
    for (int i = 0; i < files.size(); i++) {
      SendEmail.Attachment given = command.attachments().get(i);
      Attachment attachment = new Attachment();
      attachment.id = UUID.randomUUID();
      attachment.sendId = id;
      attachment.position = i;
      attachment.filename = given.filename();
      attachment.contentType = given.contentType();
      attachment.content = files.get(i);
      attachment.persist();
    }
    queued.fire(new SendQueued());
    return new Enqueued(send, true);
  }

  public Send send(UUID identityId, UUID sendId) {
    return Send.<Send>find("id = ?1 and identityId = ?2", sendId, identityId)
        .firstResultOptional()
        .orElseThrow(() -> ProblemException.notFound("Send", sendId));
  }

  /** Refuses a send that could not go out as given; answers the decoded attachments. */
  private static List<byte[]> check(SendEmail command) {
    List<Problem.FieldError> errors = new ArrayList<>();
    if (command.identityId() == null) {
      errors.add(new Problem.FieldError("identityId", "must not be null"));
    }
    if (command.leadId() == null) {
      errors.add(new Problem.FieldError("leadId", "must not be null"));
    }
    if (command.sequenceStep() < 1) {
      errors.add(new Problem.FieldError("sequenceStep", "must be 1 or more"));
    }
    if (!isAddress(command.recipient())) {
      errors.add(
          new Problem.FieldError(
              "recipient", "'" + command.recipient() + "' is not a valid email address"));
    }
    if (command.subject() == null || command.subject().isBlank()) {
      errors.add(new Problem.FieldError("subject", "must not be blank"));
    } else if (CONTROL.matcher(command.subject()).find()) {
      errors.add(
          new Problem.FieldError(
              "subject", "must be one line: line breaks and control characters are not allowed"));
    } else if (command.subject().length() > 900) {
      errors.add(new Problem.FieldError("subject", "must be at most 900 characters"));
    }
    if (command.htmlBody() == null && command.textBody() == null) {
      errors.add(new Problem.FieldError("textBody", "give a text body, an HTML body or both"));
    } else {
      errors.addAll(bodySize(command.htmlBody(), command.textBody()));
    }
    List<byte[]> files = attachments(command.attachments(), errors);
    if (!errors.isEmpty()) {
      throw new ProblemException(
          Status.BAD_REQUEST, "Invalid email", "The email cannot be sent as given", errors);
    }
    return files;
  }

  /**
   * The email's body is at most 1 MB, its HTML and text parts together: a part over it alone is
   * named; two parts over it only together are both named.
   */
  private static List<Problem.FieldError> bodySize(String html, String text) {
    int htmlBytes = Composer.utf8Length(html);
    int textBytes = Composer.utf8Length(text);
    List<Problem.FieldError> errors = new ArrayList<>();
    if (htmlBytes > MAX_BODY_BYTES) {
      errors.add(new Problem.FieldError("htmlBody", "must be at most 1 MB"));
    }
    if (textBytes > MAX_BODY_BYTES) {
      errors.add(new Problem.FieldError("textBody", "must be at most 1 MB"));
    }
    if (errors.isEmpty() && htmlBytes + textBytes > MAX_BODY_BYTES) {
      errors.add(new Problem.FieldError("htmlBody", "with textBody, must be at most 1 MB"));
      errors.add(new Problem.FieldError("textBody", "with htmlBody, must be at most 1 MB"));
    }
    return errors;
  }

  private static List<byte[]> attachments(
      List<SendEmail.Attachment> given, List<Problem.FieldError> errors) {
    List<byte[]> files = new ArrayList<>();
    if (given == null) {
      return files;
    }
    if (given.size() > Attachments.MAX_COUNT) {
      errors.add(new Problem.FieldError("attachments", "at most " + Attachments.MAX_COUNT));
      return files;
    }
    long total = 0;
    for (int i = 0; i < given.size(); i++) {
      String field = "attachments[" + i + "]";
      SendEmail.Attachment attachment = given.get(i);
      if (attachment.filename() == null
          || attachment.filename().isBlank()
          || CONTROL.matcher(attachment.filename()).find()
          || attachment.filename().length() > 255) {
        errors.add(new Problem.FieldError(field + ".filename", "must be a one-line file name"));
      }
      byte[] content;
      try {
        content = Base64.getDecoder().decode(String.valueOf(attachment.content()));
      } catch (IllegalArgumentException e) {
        errors.add(new Problem.FieldError(field + ".content", "must be base64"));
        continue;
      }
      total += content.length;
      Attachments.problem(attachment.contentType(), content)
          .ifPresent(
              problem -> errors.add(new Problem.FieldError(field + ".contentType", problem)));
      files.add(content);
    }
    if (total > Attachments.MAX_TOTAL_BYTES) {
      errors.add(new Problem.FieldError("attachments", "must be at most 10 MB together"));
    }
    return files;
  }

  private static boolean isAddress(String recipient) {
    if (recipient == null || !PLAIN_ADDRESS.matcher(recipient.strip()).matches()) {
      return false;
    }
    try {
      new InternetAddress(recipient.strip(), true).validate();
      return true;
    } catch (AddressException e) {
      return false;
    }
  }
}
