package io.identities.console.services;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** linkedin-gateway's API: the identities' LinkedIn accounts and connecting one. */
@RegisterRestClient(configKey = "linkedin")
@Timeout(5000)
@CircuitBreaker(skipOn = ServiceProblem.class)
@Path("/api/linkedin")
public interface LinkedInGateway {

  @GET
  @Path("/identities")
  Uni<LinkedIn.Accounts> accounts(@RestQuery List<UUID> ids);

  /** Signs in to LinkedIn (LinkedIn may take seconds: a longer timeout). */
  @POST
  @Path("/connections")
  @Timeout(30_000)
  Uni<LinkedIn.Connection> connect(LinkedIn.Credentials credentials);

  @POST
  @Path("/connections/{handshakeId}/verification")
  @Timeout(30_000)
  Uni<LinkedIn.Connection> verify(@PathParam("handshakeId") UUID handshakeId, LinkedIn.Code code);

  @POST
  @Path("/connections/{handshakeId}/resend")
  @Timeout(30_000)
  Uni<LinkedIn.Connection> resend(
      @PathParam("handshakeId") UUID handshakeId, LinkedIn.Resend resend);

  @GET
  @Path("/connections/{handshakeId}")
  Uni<LinkedIn.Connection> handshake(@PathParam("handshakeId") UUID handshakeId);
}
