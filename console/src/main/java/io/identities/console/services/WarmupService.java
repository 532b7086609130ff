package io.identities.console.services;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** warmup-service's API: the identities' email warm-ups. */
@RegisterRestClient(configKey = "warmup")
@Timeout(5000)
@CircuitBreaker(skipOn = ServiceProblem.class)
@Path("/api/warmup")
public interface WarmupService {

  @GET
  @Path("/identities")
  Uni<Warmups> warmups(@RestQuery List<UUID> ids);

  record Warmups(List<Warmup> items) {}

  /** An identity's warm-up: its state, and while it runs, its day of days. */
  record Warmup(
      UUID identityId, String state, String reason, Integer day, Integer days, Instant endsAt) {}
}
