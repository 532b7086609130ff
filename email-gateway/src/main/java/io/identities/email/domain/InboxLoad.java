package io.identities.email.domain;

import io.identities.backbone.schedule.WorkingHours.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
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

  /**
   * The load of each of {@code inboxes} (by inbox id), inboxes of {@code identities}: read in a few
   * queries whatever their number.
   */
  public Map<UUID, Load> of(Collection<EmailIdentity> identities, List<Inbox> inboxes) {
    Map<UUID, EmailIdentity> byId =
        identities.stream()
            .collect(Collectors.toMap(identity -> identity.identityId, identity -> identity));
    Map<UUID, Capacity> capacities =
        Capacity.of(
            entityManager,
            inboxes.stream()
                .collect(
                    Collectors.groupingBy(
                        inbox -> byId.get(inbox.identityId),
                        Collectors.mapping(inbox -> inbox.id, Collectors.toList()))),
            clock.instant());
    return inboxes.stream()
        .collect(
            Collectors.toMap(
                inbox -> inbox.id,
                inbox ->
                    load(byId.get(inbox.identityId), capacities.get(inbox.identityId), inbox)));
  }

  private static Load load(EmailIdentity identity, Capacity capacity, Inbox inbox) {
    return new Load(
        capacity.of(inbox.id).today(),
        identity.dailyLimitPerInbox,
        capacity.of(inbox.id).lastHour(),
        identity.hourlyLimitPerInbox,
        inbox.status == InboxStatus.CONNECTED
            ? nextSlot(identity, capacity.nextSlot(inbox.id))
            : null);
  }

  private static Instant nextSlot(EmailIdentity identity, Instant slot) {
    return identity
        .workingHours()
        .windowAt(slot)
        .map((Function<Window, Instant>) window -> window.active() ? slot : window.opensAt())
        .orElse(null);
  }
}
