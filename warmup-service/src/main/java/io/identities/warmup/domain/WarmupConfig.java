package io.identities.warmup.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The warm-up itself: {@code warmup.plan.*}. */
@ConfigMapping(prefix = "warmup.plan")
public interface WarmupConfig {

  /** How long a warm-up runs ("about 3 weeks"). */
  @WithDefault("21")
  int days();

  /** Warm-up emails a day an inbox reaches on day 14 and holds to the end (see {@link Ramp}). */
  @WithDefault("35")
  int dailyCeiling();

  default Ramp ramp() {
    return new Ramp(dailyCeiling());
  }
}
