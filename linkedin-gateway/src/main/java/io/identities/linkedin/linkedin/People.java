package io.identities.linkedin.linkedin;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How LinkedIn names a person: a public profile URL ({@code https://www.linkedin.com/in/<name>},
 * any LinkedIn host, a trailing slash or query allowed) or a member id ({@code ACoA...}, the id in
 * {@code urn:li:fsd_profile:<id>}).
 */
public final class People {

  private static final Pattern PROFILE_URL =
      Pattern.compile(
          "https?://([a-z]{2,3}\\.)?linkedin\\.com/in/([A-Za-z0-9%_\\-]{3,100})/?(\\?.*)?");
  private static final Pattern MEMBER_ID = Pattern.compile("ACoA[A-Za-z0-9_\\-]{8,80}");

  private People() {}

  /** The public name in a profile URL, if {@code person} is one. */
  public static Optional<String> publicIdentifier(String person) {
    Matcher url = PROFILE_URL.matcher(person == null ? "" : person.strip());
    return url.matches() ? Optional.of(url.group(2)) : Optional.empty();
  }

  public static boolean isMemberId(String person) {
    return person != null && MEMBER_ID.matcher(person.strip()).matches();
  }

  /** True for a profile URL or a member id. */
  public static boolean isPerson(String person) {
    return isMemberId(person) || publicIdentifier(person).isPresent();
  }
}
