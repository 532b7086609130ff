package io.identities.linkedin.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP forward proxy that asks for Basic credentials (407) and counts what it forwards: it
 * shows that a gateway's LinkedIn traffic went through it.
 */
public final class RecordingProxy implements AutoCloseable {

  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "host",
          "connection",
          "content-length",
          "transfer-encoding",
          "proxy-authorization",
          "proxy-connection",
          "keep-alive",
          "upgrade",
          "expect");

  private final String expected;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final AtomicInteger forwarded = new AtomicInteger();

  public RecordingProxy(String username, String password) {
    expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.createContext("/", this::forward);
    server.setExecutor(threads);
    server.start();
  }

  /** The proxy's address, {@code http://127.0.0.1:<port>}. */
  public URI address() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How many requests it has forwarded. */
  public int forwarded() {
    return forwarded.get();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
        exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"proxy\"");
        exchange.sendResponseHeaders(407, -1);
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request =
          HttpRequest.newBuilder(exchange.getRequestURI())
              .method(
                  exchange.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                  values.forEach(value -> request.header(name, value));
                }
              });
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] answer = response.body();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
      forwarded.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
