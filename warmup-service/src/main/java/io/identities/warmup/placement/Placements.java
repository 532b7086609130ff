package io.identities.warmup.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Where an inbox's warm-up emails landed, day by day (the score's and the safeguard's input). */
@ApplicationScoped
public class Placements {

  private final EntityManager entityManager;

  Placements(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** The inbox's days from {@code since} on, by the day each email was sent. */
  @SuppressWarnings("unchecked")
  public List<DayPlacement> of(UUID inboxId, LocalDate since) {
    List<DayPlacement> days = new ArrayList<>();
    for (Object[] row :
        (List<Object[]>)
            entityManager
                .createNativeQuery(
                    "select day, count(*) filter (where placement = 'INBOX'),"
                        + " count(*) filter (where placement = 'SPAM'), count(*) filter (where"
                        + " bounced) from warmup_email where sender_inbox_id = ?1 and day >= ?2"
                        + " group by day order by day")
                .setParameter(1, inboxId)
                .setParameter(2, since)
                .getResultList()) {
      days.add(
          new DayPlacement(
              row[0] instanceof LocalDate day ? day : ((java.sql.Date) row[0]).toLocalDate(),
              ((Number) row[1]).intValue(),
              ((Number) row[2]).intValue(),
              ((Number) row[3]).intValue()));
    }
    return days;
  }
}
