package io.identities.identity.domain;

import jakarta.persistence.Query;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The identities a query is about, as SQL that lists their ids (what goes inside {@code in (...)}),
 * with its named parameters.
 */
public record IdentityIds(String sql, Map<String, Object> parameters) {

  /** These identities. */
  public static IdentityIds of(Collection<UUID> ids) {
    return new IdentityIds(":identities", Map.of("identities", ids));
  }

  /** The query, with this SQL's parameters set. */
  public Query bind(Query query) {
    parameters.forEach(query::setParameter);
    return query;
  }
}
