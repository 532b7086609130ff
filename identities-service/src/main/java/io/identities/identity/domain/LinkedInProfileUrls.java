package io.identities.identity.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LinkedIn profile URLs in their one canonical form, {@code https://www.linkedin.com/in/<slug>}:
 * accepts them with or without scheme or {@code www}, from any country subdomain, with a trailing
 * slash, query or fragment; anything that is not a member profile is refused.
 */
public final class LinkedInProfileUrls {

  private static final Pattern PROFILE_PATH = Pattern.compile("^/in/([^/]+)/?$");

  /** LinkedIn custom URLs: 3 to 100 letters (any script), digits and hyphens. */
  private static final Pattern SLUG = Pattern.compile("^[\\p{L}\\p{N}-]{3,100}$");

  private LinkedInProfileUrls() {}

  public static Optional<String> canonical(String url) {
    String withScheme = url.matches("(?i)^https?://.*") ? url : "https://" + url;
    try {
      URI uri = new URI(withScheme);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      if (!host.equals("linkedin.com") && !host.endsWith(".linkedin.com")) {
        return Optional.empty();
      }
      Matcher path = PROFILE_PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
      if (!path.matches()) {
        return Optional.empty();
      }
      String slug =
          URLDecoder.decode(path.group(1), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
      if (!SLUG.matcher(slug).matches()) {
        return Optional.empty();
      }
      return Optional.of(new URI("https", "www.linkedin.com", "/in/" + slug, null).toASCIIString());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
