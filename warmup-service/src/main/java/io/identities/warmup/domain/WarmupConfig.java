package io.identities.warmup.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The warm-up itself: {@code warmup.plan.*}. */
@ConfigMapping(prefix = "warmup.plan")
public interface WarmupConfig {

  /** How long a warm-up runs ("about 3 weeks"). */
  @WithDefault("21")
  int days();

  /** Warm-up emails a day an inbox reaches on day 14 and holds to the end (see {@link Ramp}). */
  @WithDefault("35")
  int dailyCeiling();

  /** How often the planner plans new days and asks for the warm-up emails that are due. */
  @WithDefault("1m")
  Duration interval();

  /** The least time between two warm-up emails of an inbox. */
  @WithDefault("8m")
  Duration minGap();

  /**
   * Organizations whose connected inboxes are the service's own seed pool: they receive (and
   * answer) warm-up mail when fewer than {@link #minPartners()} customers' inboxes qualify.
   */
  Optional<List<String>> seedOrganizations();

  /** Below this many customers' inboxes to write to, the seed pool joins in. */
  @WithDefault("5")
  int minPartners();

  /** The share of warm-up emails the recipient answers (in the thread). */
  @WithDefault("0.3")
  double replyRate();

  /** The share of warm-up emails the recipient flags as important. */
  @WithDefault("0.3")
  double importantRate();

  /** How long after it landed an email is answered at the earliest. */
  @WithDefault("45m")
  Duration replyAfter();

  /** Emails in a thread at most (the first, its answer, the answer to that). */
  @WithDefault("3")
  int threadLength();

  default Ramp ramp() {
    return new Ramp(dailyCeiling());
  }
}
