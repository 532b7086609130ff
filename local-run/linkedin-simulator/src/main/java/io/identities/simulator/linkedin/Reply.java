package io.identities.simulator.linkedin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer: a status, a body (JSON, or an HTML page; null for none), the cookies it sets
 * and, for a redirect, where it goes.
 */
record Reply(int status, Object body, Map<String, String> cookies, String location) {

  static Reply json(int status, Object body) {
    return new Reply(status, body, new LinkedHashMap<>(), null);
  }

  /** An HTML page, as LinkedIn's sign-in and checkpoint pages are. */
  static Reply html(int status, String page) {
    return new Reply(status, page, new LinkedHashMap<>(), null);
  }

  /** A {@code 303 See Other} to {@code location}, as LinkedIn answers a submitted form. */
  static Reply redirect(String location) {
    return new Reply(303, null, new LinkedHashMap<>(), location);
  }

  static Reply of(LinkedInError error) {
    return json(error.status(), error.body());
  }

  Reply cookie(String name, String value) {
    cookies.put(name, value);
    return this;
  }

  void send(HttpExchange exchange) throws IOException {
    cookies.forEach(
        (name, value) ->
            exchange
                .getResponseHeaders()
                .add("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly"));
    if (location != null) {
      exchange.getResponseHeaders().set("Location", location);
    }
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes;
    if (body instanceof String page) {
      bytes = page.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    } else {
      bytes = Json.MAPPER.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
