package io.identities.identity.api;

import io.identities.identity.domain.IdentityFilter;
import io.identities.identity.domain.IdentitySearch;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Which page of a list of identities, in which order. */
public class PageParameters {

  @QueryParam("sort")
  @DefaultValue("name")
  @Pattern(
      regexp = IdentitySearch.ORDERS,
      message = "must be name, createdAt or updatedAt, with - for descending")
  @Parameter(description = "name (default), createdAt or updatedAt; -createdAt for descending")
  String sort;

  @QueryParam("page")
  @DefaultValue("0")
  @Min(0)
  @Parameter(description = "from 0")
  int page;

  @QueryParam("size")
  @DefaultValue("20")
  @Min(1)
  @Max(100)
  @Parameter(description = "1 to 100 (default 20)")
  int size;

  /** The page of the identities {@code filter} keeps. */
  IdentitySearch of(IdentityFilter filter) {
    return new IdentitySearch(filter, sort, page, size);
  }
}
