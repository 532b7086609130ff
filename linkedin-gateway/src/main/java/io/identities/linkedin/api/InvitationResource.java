package io.identities.linkedin.api;

import io.identities.backbone.api.Page;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.Roles;
import io.identities.linkedin.actions.ActionService;
import io.identities.linkedin.domain.ConnectionService;
import io.identities.linkedin.invitations.Invitation;
import io.identities.linkedin.invitations.InvitationStatus;
import io.identities.linkedin.invitations.Withdrawals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An identity's invitations: pending, accepted, withdrawn; bulk withdrawal. */
@Path("/api/linkedin/identities/{identityId}/invitations")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "LinkedIn")
public class InvitationResource {

  private final ConnectionService connections;
  private final Withdrawals withdrawals;
  private final Clock clock;
  private final ActionService actions;

  InvitationResource(
      ConnectionService connections, Withdrawals withdrawals, Clock clock, ActionService actions) {
    this.connections = connections;
    this.withdrawals = withdrawals;
    this.clock = clock;
    this.actions = actions;
  }

  @GET
  @Transactional
  @Operation(
      summary = "The identity's invitations, oldest first",
      description =
          "From the gateway's records, compared with LinkedIn's own sent-invitations list every"
              + " half hour or so: invitations sent by hand on LinkedIn are listed too, and those"
              + " accepted or withdrawn there leave the pending ones.")
  public Page<InvitationView> list(
      @PathParam("identityId") UUID identityId,
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
    connections.identity(identityId); // 404 for an identity the gateway does not know
    Instant now = clock.instant();
    return status == null
        ? Page.of(
            Invitation.<Invitation>find("identityId = ?1 order by sentAt", identityId),
            page,
            size,
            invitation -> InvitationView.of(invitation, now))
        : Page.of(
            Invitation.<Invitation>find(
                "identityId = ?1 and status = ?2 order by sentAt", identityId, status(status)),
            page,
            size,
            invitation -> InvitationView.of(invitation, now));
  }

  @POST
  @Path("/withdrawals")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Withdraw pending invitations in bulk",
      description =
          "Listed by id, or all pending for more than olderThanDays. Each withdrawal runs as an"
              + " action of the account (working hours, pacing, the daily withdrawal cap) and"
              + " publishes linkedin.invitation.withdrawn; the person cannot be invited again for 3"
              + " weeks. The answer tells what is being withdrawn (with its action), what was"
              + " already gone, and what was refused.")
  @APIResponse(responseCode = "202", description = "Withdrawals queued")
  public Response withdraw(
      @PathParam("identityId") UUID identityId, @NotNull WithdrawalRequest request) {
    return Response.accepted(
            withdrawals.request(identityId, request.invitationIds(), request.olderThanDays()))
        .build();
  }

  @DELETE
  @Path("/hold")
  @Operation(
      summary = "Resume the identity's invitations after several failed in a row",
      description =
          "After a few invitations in a row failed for reasons not about the person (LinkedIn's"
              + " unknown refusals, CANT_RESEND_YET, throttling), new invitations are held so the"
              + " account is not burnt; this resumes them once someone has looked.")
  @APIResponse(responseCode = "204", description = "Resumed")
  public void resume(@PathParam("identityId") UUID identityId) {
    actions.resumeInvitations(identityId);
  }

  /** Invitations by id, or {@code olderThanDays}: one of them. */
  public record WithdrawalRequest(List<UUID> invitationIds, Integer olderThanDays) {}

  /** An invitation: to whom, when, its note, where it stands; {@code ageDays} whole days since. */
  public record InvitationView(
      UUID id,
      InvitationStatus status,
      Person person,
      String note,
      Instant sentAt,
      long ageDays,
      boolean sentByHand,
      Instant acceptedAt,
      Instant withdrawnAt) {

    /** The person invited. */
    public record Person(String memberId, String profileUrl, String firstName, String lastName) {}

    static InvitationView of(Invitation invitation, Instant now) {
      return new InvitationView(
          invitation.id,
          invitation.status,
          new Person(
              invitation.memberId,
              invitation.profileUrl(),
              invitation.firstName,
              invitation.lastName),
          invitation.note,
          invitation.sentAt,
          Duration.between(invitation.sentAt, now).toDays(),
          invitation.sentByHand,
          invitation.acceptedAt,
          invitation.withdrawnAt);
    }
  }

  private static InvitationStatus status(String status) {
    return Arrays.stream(InvitationStatus.values())
        .filter(known -> known.name().equals(status))
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.invalidField(
                    "status", "must be one of " + Arrays.toString(InvitationStatus.values())));
  }
}
