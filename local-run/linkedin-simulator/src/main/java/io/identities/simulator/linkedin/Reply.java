package io.identities.simulator.linkedin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer: a status, a JSON body (null for an empty body) and the cookies it sets. */
record Reply(int status, Object body, Map<String, String> cookies) {

  static Reply json(int status, Object body) {
    return new Reply(status, body, new LinkedHashMap<>());
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
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
