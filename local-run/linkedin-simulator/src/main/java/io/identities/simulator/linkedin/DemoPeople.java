package io.identities.simulator.linkedin;

import io.identities.simulator.linkedin.Member.Distance;
import java.time.Duration;
import java.util.List;

/**
 * The members the demo accounts meet on the simulated LinkedIn, one per way an invitation or a
 * message can go. Every account starts connected to {@link #GRACE_HOPPER}.
 */
public final class DemoPeople {

  /** 1st degree of every account (connected a year before the simulator started). */
  public static final String GRACE_HOPPER = "grace-hopper";

  /** 2nd degree, invitable; only accepts when told to. */
  public static final String ALAN_TURING = "alan-turing";

  public static final String KATHERINE_JOHNSON = "katherine-johnson";
  public static final String LINUS_TORVALDS = "linus-torvalds";
  public static final String MARGARET_HAMILTON = "margaret-hamilton";
  public static final String TIM_BERNERS_LEE = "tim-berners-lee";

  /** 3rd degree, invitable. */
  public static final String DENNIS_RITCHIE = "dennis-ritchie";

  /** Accepts every invitation 30 seconds after it was sent. */
  public static final String BARBARA_LISKOV = "barbara-liskov";

  /** Cannot be invited ({@code CANT_INVITE}). */
  public static final String BILL_GATES = "bill-gates";

  /** How long {@link #BARBARA_LISKOV} takes to accept. */
  public static final Duration BARBARA_LISKOV_ACCEPTS_AFTER = Duration.ofSeconds(30);

  private DemoPeople() {}

  public static List<Member> all() {
    return List.of(
        Member.of(
            GRACE_HOPPER,
            "Grace",
            "Hopper",
            "Rear Admiral",
            "US Navy",
            "Arlington, Virginia",
            Distance.DISTANCE_2),
        Member.of(
            ALAN_TURING,
            "Alan",
            "Turing",
            "Mathematician and Codebreaker",
            "Government Code and Cypher School",
            "Bletchley, England",
            Distance.DISTANCE_2),
        Member.of(
            KATHERINE_JOHNSON,
            "Katherine",
            "Johnson",
            "Research Mathematician",
            "NASA",
            "Hampton, Virginia",
            Distance.DISTANCE_2),
        Member.of(
            LINUS_TORVALDS,
            "Linus",
            "Torvalds",
            "Creator of Linux and Git",
            "Linux Foundation",
            "Portland, Oregon",
            Distance.DISTANCE_2),
        Member.of(
            MARGARET_HAMILTON,
            "Margaret",
            "Hamilton",
            "Director of Software Engineering",
            "MIT Instrumentation Laboratory",
            "Cambridge, Massachusetts",
            Distance.DISTANCE_2),
        Member.of(
            TIM_BERNERS_LEE,
            "Tim",
            "Berners-Lee",
            "Inventor of the World Wide Web",
            "World Wide Web Consortium",
            "London, England",
            Distance.DISTANCE_2),
        Member.of(
            DENNIS_RITCHIE,
            "Dennis",
            "Ritchie",
            "Creator of C, co-creator of Unix",
            "Bell Labs",
            "Murray Hill, New Jersey",
            Distance.DISTANCE_3),
        Member.of(
                BARBARA_LISKOV,
                "Barbara",
                "Liskov",
                "Institute Professor",
                "MIT",
                "Cambridge, Massachusetts",
                Distance.DISTANCE_2)
            .acceptingAfter(BARBARA_LISKOV_ACCEPTS_AFTER),
        Member.of(
                BILL_GATES,
                "Bill",
                "Gates",
                "Chair",
                "Gates Foundation",
                "Seattle, Washington",
                Distance.OUT_OF_NETWORK)
            .notInvitable());
  }
}
