package io.identities.identity.api;

import io.identities.identity.domain.IdentityFilter;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Which identities a list, or the figures beside it, keeps: the same for both. */
public class FilterParameters {

  @QueryParam("q")
  @Size(max = IdentityFilter.MAX_TEXT)
  @Parameter(
      description =
          "only identities whose name holds each of these words, in any order, any case, accents"
              + " or punctuation")
  String q; // a refusal names it by this name

  @QueryParam("linkedinConnected")
  @Parameter(
      description = "only identities with (true) or without (false) a connected LinkedIn account")
  Boolean linkedinConnected;

  @QueryParam("emailConnected")
  @Parameter(description = "only identities with (true) or without (false) a connected inbox")
  Boolean emailConnected;

  IdentityFilter filter() {
    return new IdentityFilter(q, linkedinConnected, emailConnected);
  }
}
