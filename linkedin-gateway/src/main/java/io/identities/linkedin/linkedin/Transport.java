package io.identities.linkedin.linkedin;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * HTTP to LinkedIn, directly or through one {@link OutboundProxy}: connection failures and a proxy
 * that refuses its credentials become the port's exceptions. Nothing it sends is logged.
 */
final class Transport {

  static {
    // The JDK refuses Basic credentials for proxy tunnels (HTTPS through CONNECT) unless told;
    // proxy providers use Basic. Read when the JDK's HTTP client first authenticates.
    System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
  }

  private final HttpClient http;
  private final OutboundProxy proxy;

  Transport(LinkedInConfig config, OutboundProxy proxy) {
    this.proxy = proxy;
    HttpClient.Builder http =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (proxy != null) {
      http.proxy(
          ProxySelector.of(
              new InetSocketAddress(proxy.address().getHost(), proxy.address().getPort())));
      if (proxy.hasCredentials()) {
        http.authenticator(
            new Authenticator() {
              @Override
              protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY
                    ? new PasswordAuthentication(proxy.username(), proxy.password().toCharArray())
                    : null;
              }
            });
      }
    }
    this.http = http.build();
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (proxy != null && response.statusCode() == 407) {
        throw new LinkedIn.ProxyFailedException(
            "the proxy " + proxy + " refused its credentials", null);
      }
      return response;
    } catch (IOException e) {
      if (proxy != null) {
        throw new LinkedIn.ProxyFailedException(
            "LinkedIn cannot be reached through " + proxy + ": " + e.getClass().getSimpleName(), e);
      }
      throw new LinkedIn.UnavailableException(
          "LinkedIn cannot be reached: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkedIn.UnavailableException("interrupted", e);
    }
  }

  /** Adds the cookies the response sets to {@code jar}, and answers it. */
  static Map<String, String> cookies(HttpResponse<String> response, Map<String, String> jar) {
    for (String header : response.headers().allValues("set-cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        jar.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
    }
    return jar;
  }

  static String cookieHeader(Map<String, String> cookies) {
    return cookies.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }

  /** LinkedIn's CSRF token: the JSESSIONID cookie's value without its double quotes. */
  static String csrfToken(String jsessionId) {
    return jsessionId.replace("\"", "");
  }

  static LinkedIn.UnavailableException unexpected(HttpResponse<String> response) {
    return new LinkedIn.UnavailableException(
        "LinkedIn answered " + response.statusCode() + " unexpectedly", null);
  }
}
