package io.identities.identity.domain;

import io.quarkus.panache.common.Sort;

/**
 * A search of the organization's identities: a page of those {@code filter} keeps.
 *
 * @param order {@code name}, {@code createdAt} or {@code updatedAt}, with {@code -} for descending
 */
public record IdentitySearch(IdentityFilter filter, String order, int page, int size) {

  /** The accepted orders, for validation at the edge. */
  public static final String ORDERS = "-?(name|createdAt|updatedAt)";

  /** Names sort without case or accents, as they are searched. */
  Sort sort() {
    String field = order.replaceFirst("^-", "");
    String property = field.equals("name") ? "searchName" : field;
    Sort sort = order.startsWith("-") ? Sort.descending(property) : Sort.ascending(property);
    return sort.and("id");
  }
}
