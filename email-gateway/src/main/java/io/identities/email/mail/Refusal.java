package io.identities.email.mail;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whom a permanent refusal of a message (SMTP 5xx at send time, or a delivery status notification
 * reporting a failure) is about, from the step it came at and the server's words (its reply code
 * and RFC 3463 enhanced status code):
 *
 * <ul>
 *   <li>{@link #RECIPIENT}: its address does not exist or takes no mail (5.1.x), or its mailbox is
 *       full or disabled (5.2.x); without an enhanced code, RCPT refused with 550, 551, 552 or 553;
 *   <li>{@link #SENDER}: the sender was refused at MAIL FROM, for policy or security (5.7.x: its
 *       domain, its reputation, its message taken for spam), or its message was refused at DATA;
 *   <li>{@link #UNSURE}: anything else a notification or a refused RCPT reports (routing, the
 *       remote system).
 * </ul>
 */
public enum Refusal {
  RECIPIENT,
  SENDER,
  UNSURE;

  /** Where in the exchange the refusal came. */
  public enum Step {
    MAIL_FROM,
    RCPT_TO,
    DATA,
    /** Later, by a delivery status notification (no reply code). */
    REPORT
  }

  private static final Pattern ENHANCED = Pattern.compile("\\b5\\.(\\d{1,3})\\.\\d{1,3}\\b");
  private static final Set<Integer> ADDRESS_REFUSED = Set.of(550, 551, 552, 553);

  /** The refusal at {@code step}, with the server's reply code (0 if none) and words. */
  public static Refusal of(Step step, int replyCode, String words) {
    Matcher enhanced = ENHANCED.matcher(words == null ? "" : words);
    int subject = enhanced.find() ? Integer.parseInt(enhanced.group(1)) : -1;
    if (step == Step.MAIL_FROM || step == Step.DATA && subject != 1 && subject != 2) {
      return SENDER;
    }
    if (subject == 1 || subject == 2) {
      return RECIPIENT;
    }
    if (subject == 7) {
      return SENDER;
    }
    return step == Step.RCPT_TO && subject == -1 && ADDRESS_REFUSED.contains(replyCode)
        ? RECIPIENT
        : UNSURE;
  }
}
