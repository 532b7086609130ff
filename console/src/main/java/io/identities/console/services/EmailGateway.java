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

/** email-gateway's API: the identities' inboxes. */
@RegisterRestClient(configKey = "email")
@Timeout(5000)
@CircuitBreaker(skipOn = ServiceProblem.class)
@Path("/api/email")
public interface EmailGateway {

  @GET
  @Path("/inboxes")
  Uni<Inboxes> inboxes(@RestQuery List<UUID> identityIds);

  record Inboxes(List<Inbox> items) {}

  /** An inbox: its address, provider and state (PAUSED with why). */
  record Inbox(
      UUID id,
      UUID identityId,
      String address,
      String provider,
      String status,
      String statusReason,
      Instant lastReadAt) {}
}
