package io.identities.identity.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Absolute http(s) URLs with a host, such as a schedule-meeting link. */
public final class WebUrls {

  private WebUrls() {}

  public static Optional<String> http(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
      return web ? Optional.of(uri.toASCIIString()) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
