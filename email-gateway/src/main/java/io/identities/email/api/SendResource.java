package io.identities.email.api;

import io.identities.backbone.api.Queued;
import io.identities.backbone.events.SendEmail;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.email.sending.Leads;
import io.identities.email.sending.SendService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sending an identity's emails: the same as the email.send command, over HTTP. */
@Path("/api/email/identities/{identityId}")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "Email")
public class SendResource {

  private final SendService sends;
  private final Leads leads;

  SendResource(SendService sends, Leads leads) {
    this.sends = sends;
    this.leads = leads;
  }

  @POST
  @Path("/sends")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Send an email of a campaign's sequence to a lead",
      description =
          "Queued and answered at once: the gateway picks the inbox (the lead's, or the one with"
              + " most room today), appends the signature and sends inside the identity's limits and"
              + " working hours. Posting the same id again answers the same send.")
  @APIResponse(responseCode = "202", description = "Queued")
  @APIResponse(responseCode = "200", description = "A send with this id already exists")
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid recipient, a subject with line breaks, a body over 1 MB, an attachment of a type"
              + " not allowed; nothing is recorded")
  public Response send(
      @PathParam("identityId") UUID identityId,
      @NotNull SendRequest request,
      @Context UriInfo uri) {
    SendService.Enqueued enqueued =
        sends.enqueue(
            request.id() == null ? UUID.randomUUID() : request.id(), request.command(identityId));
    SendView view = SendView.of(enqueued.send());
    return Queued.answer(enqueued.created(), view, view.id(), uri);
  }

  @GET
  @Path("/sends/{sendId}")
  @Transactional
  @Operation(summary = "Where a send stands: queued (and until when), held, sent, bounced")
  public SendView get(@PathParam("identityId") UUID identityId, @PathParam("sendId") UUID sendId) {
    return SendView.of(sends.send(identityId, sendId));
  }

  @PUT
  @Path("/leads/{leadId}/inbox")
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(
      summary = "Move a lead to another inbox of the identity",
      description =
          "For a lead errored because its inbox was disconnected: its held emails go out from the"
              + " new inbox.")
  @APIResponse(responseCode = "409", description = "That inbox is not connected")
  public LeadView move(
      @PathParam("identityId") UUID identityId,
      @PathParam("leadId") UUID leadId,
      @Valid @NotNull MoveLeadRequest request) {
    var assignment = leads.move(identityId, leadId, request.inboxId());
    return new LeadView(assignment.leadId, assignment.inboxId, assignment.erroredReason);
  }

  public record MoveLeadRequest(@NotNull UUID inboxId) {}

  public record LeadView(UUID leadId, UUID inboxId, String erroredReason) {}

  /** An email to send; {@code id} (optional) makes retries of the same post safe. */
  public record SendRequest(
      UUID id,
      UUID leadId,
      UUID campaignId,
      int sequenceStep,
      String recipient,
      String subject,
      String htmlBody,
      String textBody,
      boolean replyToThread,
      List<SendEmail.Attachment> attachments) {

    SendEmail command(UUID identityId) {
      return new SendEmail(
          identityId,
          leadId,
          campaignId,
          sequenceStep,
          recipient,
          subject,
          htmlBody,
          textBody,
          replyToThread,
          attachments);
    }
  }
}
