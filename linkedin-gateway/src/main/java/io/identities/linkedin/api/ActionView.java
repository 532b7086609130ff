package io.identities.linkedin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.identities.linkedin.actions.Action;
import io.identities.linkedin.actions.ActionService;
import io.identities.linkedin.actions.ActionStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * Where an action stands: when QUEUED, the slot it waits for ({@code notBefore}) and why; when
 * HELD, why; when FAILED, a reason code, LinkedIn's words, and for COOLDOWN the date it ends; when
 * DONE, its result (the person as LinkedIn showed them, LinkedIn's id of the invitation or
 * message).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionView(
    UUID id,
    UUID identityId,
    String type,
    String person,
    ActionStatus status,
    String reason,
    Instant notBefore,
    Failure failure,
    @JsonRawValue String result,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  /** Why it failed: a code, LinkedIn's words, and until when for a COOLDOWN. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Failure(String code, String message, Instant until) {}

  /**
   * @param waiting for a queued action, when it runs and why not sooner; null otherwise
   */
  static ActionView of(Action action, ActionService.Waiting waiting) {
    return new ActionView(
        action.id,
        action.identityId,
        action.kind.commandType,
        action.person,
        action.status,
        waiting == null ? action.statusReason : waiting.reason(),
        waiting == null ? null : waiting.notBefore(),
        action.failureCode == null
            ? null
            : new Failure(action.failureCode, action.failureMessage, action.failureUntil),
        action.result,
        action.createdAt,
        action.startedAt,
        action.finishedAt);
  }
}
