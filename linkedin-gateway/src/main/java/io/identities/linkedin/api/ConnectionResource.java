package io.identities.linkedin.api;

import io.identities.backbone.problem.Problem;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.Roles;
import io.identities.linkedin.domain.ConnectionService;
import io.identities.linkedin.linkedin.LinkedIn.ChallengeType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Connecting an identity's LinkedIn account with its credentials (spec 2A). */
@Path("/api/linkedin/connections")
@RolesAllowed(Roles.MEMBER)
@Consumes(MediaType.APPLICATION_JSON)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "LinkedIn")
public class ConnectionResource {

  private final ConnectionService connections;

  ConnectionResource(ConnectionService connections) {
    this.connections = connections;
  }

  @POST
  @Operation(
      summary = "Log in to LinkedIn for an identity",
      description =
          "Answers CONNECTED, or CHALLENGE_PENDING with a handshake to answer with the code LinkedIn sent."
              + " The password is used for this login only: never stored, logged or forwarded.")
  @APIResponse(
      responseCode = "409",
      description =
          "The LinkedIn account is connected to another identity (named when it is of the same"
              + " organization); nothing is kept")
  @APIResponse(
      responseCode = "422",
      description = "Wrong password, unknown email, or an account without a password")
  @APIResponse(responseCode = "429", description = "LinkedIn asks to retry later")
  @APIResponse(responseCode = "503", description = "LinkedIn could not be reached")
  public ConnectionView connect(@Valid @NotNull ConnectRequest request) {
    if ((request.identityId() == null) == (request.identityName() == null)) {
      throw ProblemException.invalidField(
          "identityId",
          "give either identityId (an existing identity) or identityName (a new one)");
    }
    return ConnectionView.of(
        connections.connect(
            request.identityId(), request.identityName(), request.email(), request.password()));
  }

  @POST
  @Path("/{handshakeId}/verification")
  @Operation(summary = "Answer LinkedIn's two-step challenge with the code the member received")
  @APIResponse(
      responseCode = "409",
      description =
          "The handshake has ended, or the account is connected to another identity (the"
              + " handshake then ends, nothing kept)")
  @APIResponse(responseCode = "410", description = "The handshake expired (5 minutes)")
  @APIResponse(
      responseCode = "422",
      description = "Wrong code; the detail says how many attempts are left")
  public ConnectionView verify(
      @PathParam("handshakeId") UUID handshakeId, @Valid @NotNull VerificationRequest request) {
    return ConnectionView.of(connections.verify(handshakeId, request.code()));
  }

  @POST
  @Path("/{handshakeId}/resend")
  @Operation(
      summary = "Have LinkedIn send the code again, or another way (method EMAIL_PIN or SMS_PIN)")
  @APIResponse(responseCode = "410", description = "The handshake expired (5 minutes)")
  public ConnectionView resend(@PathParam("handshakeId") UUID handshakeId, ResendRequest request) {
    return ConnectionView.of(
        connections.resend(handshakeId, request == null ? null : request.method()));
  }

  @GET
  @Path("/{handshakeId}")
  @Operation(
      summary =
          "Where a handshake stands; poll it while the member approves the sign-in in the LinkedIn app")
  public ConnectionView status(@PathParam("handshakeId") UUID handshakeId) {
    return ConnectionView.of(connections.status(handshakeId));
  }

  /** The LinkedIn credentials of an identity's account; the password is never echoed or logged. */
  public record ConnectRequest(
      UUID identityId,
      @Size(max = 120) String identityName,
      @NotBlank
          @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
          @Size(max = 254)
          String email,
      @NotBlank @Size(max = 200) String password) {

    @Override
    public String toString() {
      return "ConnectRequest[identityId="
          + identityId
          + ", identityName="
          + identityName
          + ", email="
          + email
          + ", password=***]";
    }
  }

  /** How to send the code again; no method means the same way as before. */
  public record ResendRequest(ChallengeType method) {}

  /** The code LinkedIn sent by email or SMS, or the authenticator app shows. */
  public record VerificationRequest(
      @NotBlank @Pattern(regexp = "\\d{4,8}", message = "must be the 4 to 8 digit code")
          String code) {}
}
