package io.identities.backbone.schedule;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The time every scheduling decision is taken at (tests bring their own clock to move it on). */
@ApplicationScoped
public class Clocks {

  @Produces
  @DefaultBean
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
