package io.identities.linkedin.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.Roles;
import io.identities.linkedin.actions.ActionService;
import io.identities.linkedin.domain.ConnectionService;
import io.identities.linkedin.domain.LinkedInIdentities;
import io.identities.linkedin.domain.LinkedInIdentity;
import io.identities.linkedin.domain.OutboundProxies;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/linkedin/identities")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "LinkedIn")
public class LinkedInIdentityResource {

  private final ConnectionService connections;
  private final LinkedInIdentities identities;
  private final OutboundProxies proxies;
  private final ActionService actions;

  LinkedInIdentityResource(
      ConnectionService connections,
      LinkedInIdentities identities,
      OutboundProxies proxies,
      ActionService actions) {
    this.connections = connections;
    this.identities = identities;
    this.proxies = proxies;
    this.actions = actions;
  }

  @GET
  @Operation(
      summary = "Several identities' LinkedIn state at once, for a dashboard's badges",
      description =
          "Up to 100 identities of the organization, in the order asked: state, profile, Sales"
              + " Navigator, connection time, restriction and held invitations, without today's"
              + " usage. Ids the gateway does not know in the organization are left out.")
  public Summaries list(
      @QueryParam("ids")
          @Parameter(
              description =
                  "1 to 100 identity ids, comma-separated (ids=a,b) or repeated (ids=a&ids=b)")
          List<String> ids) {
    return new Summaries(identities.listed(ids).stream().map(LinkedInIdentitySummary::of).toList());
  }

  @GET
  @Path("/{identityId}")
  @Operation(
      summary = "An identity's LinkedIn connection state, limits and today's usage",
      description =
          "Today's usage against each limit, the week's invitations, the ramp-up step of a new"
              + " account, and the next slot per kind of action.")
  public LinkedInIdentityView get(@PathParam("identityId") UUID identityId) {
    return view(connections.identity(identityId));
  }

  @DELETE
  @Path("/{identityId}/session")
  @Operation(
      summary = "Disconnect the identity's LinkedIn account",
      description = "Publishes linkedin.session.disconnected.")
  @APIResponse(responseCode = "204", description = "Disconnected")
  public void disconnect(@PathParam("identityId") UUID identityId) {
    connections.disconnect(identityId);
  }

  @DELETE
  @Path("/{identityId}/restriction")
  @Operation(
      summary = "Resume an account LinkedIn had restricted",
      description =
          "Once someone has looked at the account on LinkedIn: its held actions are queued again"
              + " (reconnecting the account does the same).")
  @APIResponse(responseCode = "204", description = "Resumed")
  public void resume(@PathParam("identityId") UUID identityId) {
    actions.resumeAfterRestriction(identityId);
  }

  @PUT
  @Path("/{identityId}/proxy")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send all of the identity's LinkedIn traffic through a proxy",
      description =
          "Either a country of the configured proxy pool, or a proxy of its own (http://host:port,"
              + " with optional credentials, stored encrypted and never shown).")
  public LinkedInIdentityView useProxy(
      @PathParam("identityId") UUID identityId, @Valid @NotNull ProxyRequest request) {
    if ((request.country() == null) == (request.url() == null)) {
      throw ProblemException.invalidField("country", "give either country or url");
    }
    return view(
        request.country() != null
            ? proxies.useCountry(identityId, request.country())
            : proxies.useProxy(identityId, request.url(), request.username(), request.password()));
  }

  @DELETE
  @Path("/{identityId}/proxy")
  @Operation(summary = "Let the identity reach LinkedIn directly again")
  public LinkedInIdentityView removeProxy(@PathParam("identityId") UUID identityId) {
    return view(proxies.useNone(identityId));
  }

  private LinkedInIdentityView view(LinkedInIdentity identity) {
    return LinkedInIdentityView.of(identity, actions.usage(identity));
  }

  /** The identities asked for that the gateway knows in the organization. */
  public record Summaries(List<LinkedInIdentitySummary> items) {}

  /** A country of the pool, or a proxy's address and credentials; the password is never shown. */
  public record ProxyRequest(
      @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter country code")
          String country,
      URI url,
      @Size(min = 1, max = 200) String username,
      @Size(min = 1, max = 200) String password) {

    @Override
    public String toString() {
      return "ProxyRequest[country=" + country + ", url=" + url + ", username=" + username + "]";
    }
  }
}
