package io.identities.email.domain;

import io.identities.backbone.schedule.WorkingHours.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How much of its limits each inbox has used, and when it can send next (spec "Email Rate"). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class InboxLoad {

  private final EntityManager entityManager;
  private final Clock clock;

  InboxLoad(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  /**
   * @param nextSlot when the inbox can send next, limits and working hours considered; null while
   *     it cannot send at all
   */
  public record Load(
      long sentToday, int dailyLimit, long sentThisHour, int hourlyLimit, Instant nextSlot) {}

  public Map<UUID, Load> of(EmailIdentity identity, List<Inbox> inboxes) {
    Instant now = clock.instant();
    Capacity capacity =
        new Capacity(
            entityManager, identity, inboxes.stream().map(inbox -> inbox.id).toList(), now);
    return inboxes.stream()
        .collect(
            Collectors.toMap(
                inbox -> inbox.id,
                inbox ->
                    new Load(
                        capacity.of(inbox.id).today(),
                        identity.dailyLimitPerInbox,
                        capacity.of(inbox.id).lastHour(),
                        identity.hourlyLimitPerInbox,
                        inbox.status == InboxStatus.CONNECTED
                            ? nextSlot(identity, capacity.nextSlot(inbox.id))
                            : null)));
  }

  private static Instant nextSlot(EmailIdentity identity, Instant slot) {
    return identity
        .workingHours()
        .windowAt(slot)
        .map((Function<Window, Instant>) window -> window.active() ? slot : window.opensAt())
        .orElse(null);
  }
}
