package io.identities.backbone.pages;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Pages served without a token to a browser (share links, OAuth callbacks): their addresses hold
 * secrets, so they are never cached, framed, or sent on as a referrer, and run no script.
 */
public final class PublicPages {

  private PublicPages() {}

  /** An HTML page with {@code entity} (a Qute template instance) and the protective headers. */
  public static Response.ResponseBuilder page(int status, Object entity) {
    return Response.status(status)
        .entity(entity)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self';"
                + " frame-ancestors 'none'");
  }
}
