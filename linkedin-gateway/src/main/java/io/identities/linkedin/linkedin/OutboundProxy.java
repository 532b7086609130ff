package io.identities.linkedin.linkedin;

import java.net.URI;

/**
 * An HTTP proxy LinkedIn traffic goes through, so that LinkedIn sees one stable address per
 * account. Its password is never printed.
 */
public record OutboundProxy(URI address, String username, String password) {

  public boolean hasCredentials() {
    return username != null;
  }

  @Override
  public String toString() {
    return "OutboundProxy[" + address + (hasCredentials() ? ", user " + username : "") + "]";
  }
}
