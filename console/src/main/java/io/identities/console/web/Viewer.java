package io.identities.console.web;

import io.quarkus.oidc.IdToken;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user, as their identity provider names them: their name and organization. */
@RequestScoped
public class Viewer {

  @Inject @IdToken JsonWebToken idToken;

  /** Whether someone is signed in (an error page may be shown to a visitor who is not). */
  public boolean signedIn() {
    try {
      return idToken.getRawToken() != null;
    } catch (RuntimeException noSession) {
      return false;
    }
  }

  public String name() {
    String name = idToken.getClaim("name");
    return name != null ? name : idToken.getClaim("preferred_username");
  }

  public String organization() {
    String organization = idToken.getClaim("org_name");
    return organization != null ? organization : idToken.getClaim("org_id");
  }
}
