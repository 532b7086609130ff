package io.identities.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where the identity provider sends the user back after signing out. */
@Path("/signed-out")
public class SignedOutResource {

  @CheckedTemplate(basePath = "")
  static class Templates {
    static native TemplateInstance signedOut(Viewer viewer);
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance signedOut() {
    return Templates.signedOut(null);
  }
}
