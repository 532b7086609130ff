package io.identities.warmup.plan;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What warm-up emails say: short plain-text notes between colleagues, put together from a bank of
 * sentences so no two read alike, with no links, images or tracking (what providers trust, and what
 * the peers send). Replies answer in the thread.
 */
public final class WarmupWriting {

  /** A subject and a body. */
  public record Text(String subject, String body) {}

  private static final List<String> SUBJECTS =
      List.of(
          "Quick question",
          "Notes from today",
          "Following up on Thursday",
          "Next week's plan",
          "About the draft",
          "Coffee next week?",
          "The figures you asked for",
          "Small update",
          "Checking in",
          "Ideas for the workshop",
          "Agenda for Monday",
          "Thanks for the call",
          "A thought on the proposal",
          "Timing for the review",
          "The list we discussed");

  private static final List<String> GREETINGS =
      List.of("Hi,", "Hello,", "Hi there,", "Good morning,", "Hey,");

  private static final List<String> OPENINGS =
      List.of(
          "I hope your week is going well.",
          "Thanks again for your time earlier.",
          "I was going through my notes and thought of you.",
          "Just a short one before the weekend.",
          "I finally had a moment to look at this properly.",
          "Sorry it took me a while to get back to this.");

  private static final List<String> MIDDLES =
      List.of(
          "Would Tuesday or Wednesday afternoon work for a short catch-up?",
          "I think the second option makes more sense for the team, but I am open to both.",
          "Could you have a look at the numbers when you get a chance?",
          "We moved the review to next month, so there is a bit more time.",
          "I put together a rough outline and would value your opinion on it.",
          "Let me know if anything is missing from the summary I shared.",
          "The feedback so far has been positive, which is encouraging.",
          "I am still waiting on two answers, but the rest is ready.");

  private static final List<String> CLOSINGS =
      List.of("Best,", "Thanks,", "Cheers,", "Kind regards,", "Talk soon,", "All the best,");

  private static final List<String> ANSWERS =
      List.of(
          "Thanks for this, it helps a lot.",
          "Sounds good to me, let's do that.",
          "Good point, I had not thought of it that way.",
          "Wednesday works for me.",
          "I will have a look this afternoon and come back to you.",
          "Great, thanks for keeping me posted.",
          "Agreed, the second option looks better.");

  private WarmupWriting() {}

  /** A new thread's first email. */
  public static Text first(RandomGenerator random) {
    return new Text(
        pick(SUBJECTS, random),
        pick(GREETINGS, random)
            + "\n\n"
            + pick(OPENINGS, random)
            + " "
            + pick(MIDDLES, random)
            + "\n\n"
            + pick(CLOSINGS, random));
  }

  /** An answer in the thread of {@code subject}. */
  public static Text reply(String subject, RandomGenerator random) {
    return new Text(
        subject.startsWith("Re: ") ? subject : "Re: " + subject,
        pick(GREETINGS, random)
            + "\n\n"
            + pick(ANSWERS, random)
            + " "
            + pick(MIDDLES, random)
            + "\n\n"
            + pick(CLOSINGS, random));
  }

  private static String pick(List<String> choices, RandomGenerator random) {
    return choices.get(random.nextInt(choices.size()));
  }
}
