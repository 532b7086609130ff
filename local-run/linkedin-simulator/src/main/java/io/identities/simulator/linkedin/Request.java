package io.identities.simulator.linkedin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the handlers read it.
 *
 * @param path the path, URL-decoded ({@code urn%3Ali%3A...} reads {@code urn:li:...})
 * @param rawPath the path as sent
 * @param query the query parameters, decoded
 * @param body the body as text: a form on the login endpoints, JSON on Voyager's
 */
record Request(
    String method,
    String path,
    String rawPath,
    Map<String, String> query,
    Headers headers,
    String body) {

  static Request of(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    return new Request(
        exchange.getRequestMethod(),
        uri.getPath(),
        uri.getRawPath(),
        pairs(uri.getRawQuery()),
        exchange.getRequestHeaders(),
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  boolean isGet() {
    return method.equals("GET");
  }

  boolean isPost() {
    return method.equals("POST");
  }

  String header(String name) {
    return headers.getFirst(name);
  }

  String query(String name) {
    return query.get(name);
  }

  /** A whole-number query parameter, {@code fallback} when absent. */
  int intQuery(String name, int fallback) {
    String value = query.get(name);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw LinkedInError.BAD_REQUEST.refused();
    }
  }

  Optional<String> cookie(String name) {
    for (String header : headers.getOrDefault("Cookie", List.of())) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
          return Optional.of(pair.substring(eq + 1).strip());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * LinkedIn's CSRF check: the {@code csrf-token} header is the {@code JSESSIONID} cookie's value
   * without the double quotes the cookie carries ({@code "ajax:<hex>"} → {@code ajax:<hex>}).
   */
  boolean csrfMatches() {
    String token = header("csrf-token");
    return token != null
        && cookie("JSESSIONID").map(Request::unquoted).filter(token::equals).isPresent();
  }

  /** The body as a form ({@code application/x-www-form-urlencoded}). */
  Map<String, String> form() {
    return pairs(body);
  }

  /** The body as JSON, whatever the content type says; an empty body reads as a missing node. */
  JsonNode json() {
    try {
      return Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw LinkedInError.BAD_REQUEST.refused();
    }
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  private static Map<String, String> pairs(String encoded) {
    Map<String, String> pairs = new HashMap<>();
    if (encoded == null) {
      return pairs;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        pairs.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return pairs;
  }
}
