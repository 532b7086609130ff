package io.identities.linkedin.api;

import io.identities.backbone.api.Queued;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.tenant.Roles;
import io.identities.linkedin.actions.Action;
import io.identities.linkedin.actions.ActionKind;
import io.identities.linkedin.actions.ActionService;
import io.identities.linkedin.actions.ActionStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An identity's LinkedIn actions: the same as the linkedin.* commands, over HTTP. */
@Path("/api/linkedin/identities/{identityId}/actions")
@RolesAllowed(Roles.MEMBER)
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Tag(name = "LinkedIn")
public class ActionResource {

  private final ActionService actions;

  ActionResource(ActionService actions) {
    this.actions = actions;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Invite a person, message a connection, or visit a profile",
      description =
          "Queued and answered at once: the action runs inside the identity's working hours and"
              + " limits, paced, one at a time per account. Posting the same id again answers the"
              + " same action.")
  @APIResponse(responseCode = "202", description = "Queued (or held, or failed at once: COOLDOWN)")
  @APIResponse(responseCode = "200", description = "An action with this id already exists")
  @APIResponse(
      responseCode = "400",
      description =
          "An unknown type, a person that is neither a profile URL nor a member id, a note over 300"
              + " characters, a message without text; nothing is recorded")
  public Response ask(
      @PathParam("identityId") UUID identityId,
      @NotNull ActionRequest request,
      @Context UriInfo uri) {
    ActionService.Enqueued enqueued =
        actions.enqueue(
            request.id() == null ? UUID.randomUUID() : request.id(), request.of(identityId));
    ActionView view = view(enqueued.action());
    return Queued.answer(enqueued.created(), view, view.id(), uri);
  }

  @GET
  @Path("/{actionId}")
  @Transactional
  @Operation(
      summary = "Where an action stands",
      description =
          "QUEUED (the slot it waits for, and why), RUNNING, DONE (with the result), FAILED (a"
              + " reason code and LinkedIn's words), HELD (why).")
  public ActionView get(
      @PathParam("identityId") UUID identityId, @PathParam("actionId") UUID actionId) {
    return view(actions.action(identityId, actionId));
  }

  private ActionView view(Action action) {
    return ActionView.of(
        action, action.status == ActionStatus.QUEUED ? actions.waiting(action) : null);
  }

  /**
   * An action to do: {@code type} is the command's (linkedin.invitation.send,
   * linkedin.message.send, linkedin.profile.visit); {@code id} (optional) makes retries safe.
   */
  public record ActionRequest(
      UUID id, String type, String person, String note, boolean allowWithoutNote, String text) {

    ActionService.Request of(UUID identityId) {
      return new ActionService.Request(
          identityId,
          ActionKind.ofCommand(type).orElse(null),
          person,
          note,
          allowWithoutNote,
          text,
          null);
    }
  }
}
