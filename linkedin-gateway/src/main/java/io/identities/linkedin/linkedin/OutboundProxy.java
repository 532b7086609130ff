package io.identities.linkedin.linkedin;

import java.net.URI;

/**
 * An HTTP proxy LinkedIn traffic goes through, so that LinkedIn sees one stable address per
 * account. Its password is never printed.
 */
public record OutboundProxy(URI address, String username, String password) {

  /** True for an address this gateway can use: {@code http://host:port}, nothing more. */
  public static boolean isProxyAddress(URI address) {
    return "http".equals(address.getScheme())
        && address.getHost() != null
        && address.getPort() > 0
        && address.getUserInfo() == null
        && (address.getPath() == null || address.getPath().isEmpty())
        && address.getQuery() == null;
  }

  /** A proxy written as a provider gives it: {@code http://user:password@host:port}. */
  public static OutboundProxy parse(String url) {
    URI uri = URI.create(url);
    String[] credentials = uri.getUserInfo() == null ? null : uri.getUserInfo().split(":", 2);
    URI address = URI.create("http://" + uri.getHost() + ":" + uri.getPort());
    if (!"http".equals(uri.getScheme()) || !isProxyAddress(address)) {
      throw new IllegalArgumentException("not an HTTP proxy address: " + address);
    }
    if (credentials != null && credentials.length < 2) {
      throw new IllegalArgumentException("a proxy user without a password: " + address);
    }
    return credentials == null
        ? new OutboundProxy(address, null, null)
        : new OutboundProxy(address, credentials[0], credentials[1]);
  }

  public boolean hasCredentials() {
    return username != null;
  }

  @Override
  public String toString() {
    return "OutboundProxy[" + address + (hasCredentials() ? ", user " + username : "") + "]";
  }
}
