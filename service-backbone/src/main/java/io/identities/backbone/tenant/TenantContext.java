package io.identities.backbone.tenant;

import io.identities.backbone.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The organization (tenant) the current request or message acts for: the caller's {@code org_id}
 * claim, or the one a message consumer set from the event. Every query on a tenant-owned entity is
 * scoped by it through Hibernate's {@code @TenantId} (see {@link OrganizationTenantResolver}).
 */
@RequestScoped
public class TenantContext {

  /** The JWT claim that names the caller's organization. */
  public static final String ORG_ID_CLAIM = "org_id";

  private final JsonWebToken token;
  private String orgId;

  TenantContext(JsonWebToken token) {
    this.token = token;
  }

  /** The organization acted for; a token without one is refused. */
  public String orgId() {
    if (orgId == null && isAuthenticated()) {
      String claim = token.getClaim(ORG_ID_CLAIM);
      if (claim == null || claim.isBlank()) {
        throw ProblemException.forbidden(
            "The token names no organization (claim " + ORG_ID_CLAIM + ")");
      }
      orgId = claim;
    }
    return orgId;
  }

  /** Acts for {@code orgId} from now on in this context (message consumers, public pages). */
  public void actFor(String orgId) {
    this.orgId = orgId;
  }

  /** True when an organization is known, from a token or set explicitly. */
  public boolean isKnown() {
    return orgId != null || isAuthenticated();
  }

  private boolean isAuthenticated() {
    return token.getRawToken() != null;
  }
}
