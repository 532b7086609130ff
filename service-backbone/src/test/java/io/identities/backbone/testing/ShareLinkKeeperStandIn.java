package io.identities.backbone.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.identities.backbone.crypto.ShareLinkTokens;
import io.identities.backbone.share.ShareLinkKeeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for identities-service's share-link keeper in a gateway's tests: answers {@code POST
 * /share-links/spending} as identities-service does (200 once per link and claim, 410 with the
 * reason when used or expired, 404 when unknown), for the links {@link ShareLinkAnnouncements}
 * announced. One per test JVM, started by {@link LocalInfrastructure}.
 */
public final class ShareLinkKeeperStandIn {

  private static ShareLinkKeeperStandIn running;

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Link> links = new ConcurrentHashMap<>();
  private final Set<String> spentOn = ConcurrentHashMap.newKeySet();
  private volatile boolean unavailable;

  private ShareLinkKeeperStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(ShareLinkKeeper.SPENDING_PATH, this::spend);
    server.start();
  }

  /** The stand-in of this JVM, started on first use. */
  public static synchronized ShareLinkKeeperStandIn get() {
    if (running == null) {
      try {
        running = new ShareLinkKeeperStandIn();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return running;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Keeps a link as identities-service does when it makes one. */
  public void keep(String token, UUID linkId, String orgId, UUID identityId, Instant expiresAt) {
    links.put(ShareLinkTokens.hash(token), new Link(linkId, orgId, identityId, expiresAt));
  }

  /**
   * While {@code true}, answers every spending 503, as identities-service does while it cannot
   * answer (down behind its Service, or its database out of reach): the pages must then record
   * nothing and ask the visitor to try again.
   */
  public void unavailable(boolean unavailable) {
    this.unavailable = unavailable;
  }

  /** Which pages spent links: {@code <linkId>:<spentOn>}. */
  public boolean wasSpent(UUID linkId, String on) {
    return spentOn.contains(linkId + ":" + on);
  }

  private void spend(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (unavailable) {
        answer(exchange, 503, Map.of("title", "Service unavailable", "status", 503));
        return;
      }
      JsonNode body = json.readTree(exchange.getRequestBody());
      Link link = links.get(ShareLinkTokens.hash(body.path("token").asText()));
      if (link == null) {
        answer(exchange, 404, Map.of("title", "No such share link", "status", 404));
        return;
      }
      String claim = body.path("claim").asText();
      synchronized (link) {
        if (link.claim == null && link.expiresAt.isBefore(Instant.now())) {
          answer(exchange, 410, Map.of("title", "Expired", "status", 410, "reason", "EXPIRED"));
          return;
        }
        if (link.claim != null && !link.claim.equals(claim)) {
          answer(exchange, 410, Map.of("title", "Used", "status", 410, "reason", "USED"));
          return;
        }
        link.claim = claim;
      }
      spentOn.add(link.id + ":" + body.path("spentOn").asText());
      Map<String, Object> spent = new LinkedHashMap<>();
      spent.put("linkId", link.id);
      spent.put("orgId", link.orgId);
      spent.put("identityId", link.identityId);
      answer(exchange, 200, spent);
    }
  }

  private void answer(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static final class Link {
    final UUID id;
    final String orgId;
    final UUID identityId;
    final Instant expiresAt;
    String claim;

    Link(UUID id, String orgId, UUID identityId, Instant expiresAt) {
      this.id = id;
      this.orgId = orgId;
      this.identityId = identityId;
      this.expiresAt = expiresAt;
    }
  }
}
