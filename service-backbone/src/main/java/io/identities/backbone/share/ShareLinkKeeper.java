package io.identities.backbone.share;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/**
 * The pages that take a share link (LinkedIn's in linkedin-gateway, the inbox page in
 * email-gateway) spend it here, at identities-service, which made it and keeps it: one link, one
 * use, whichever page spends it, also when two pages race. A person waits on the answer, so this is
 * one of the platform's few synchronous calls between services ({@code POST /share-links/spending},
 * inside the platform, never routed from outside).
 */
@ApplicationScoped
public class ShareLinkKeeper {

  /** The path identities-service answers spending at. */
  public static final String SPENDING_PATH = "/share-links/spending";

  private final ShareLinkKeeperConfig config;
  private final ObjectMapper json;
  private final HttpClient http;

  ShareLinkKeeper(ShareLinkKeeperConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
  }

  /**
   * Spends the link behind {@code token}. The same {@code claim} (the page's attempt, e.g. its
   * sign-in) spending it again gets the same answer, so a retry after a lost answer is safe.
   *
   * @param spentOn which page spends it: {@code linkedin} or {@code email}
   * @throws Refused when the link is unknown, expired or already used
   * @throws Unreachable when the keeper cannot answer now
   */
  public Spent spend(String token, String claim, String spentOn) {
    HttpResponse<String> response;
    try {
      String body =
          json.writeValueAsString(Map.of("token", token, "claim", claim, "spentOn", spentOn));
      response =
          http.send(
              HttpRequest.newBuilder(URI.create(config.url().replaceAll("/+$", "") + SPENDING_PATH))
                  .timeout(config.timeout())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable(e);
    }
    return switch (response.statusCode()) {
      case 200 -> read(response.body(), Spent.class);
      case 404 -> throw new Refused(Reason.UNKNOWN);
      case 410 -> throw new Refused(reasonOf(response.body()));
      default ->
          throw new Unreachable(
              new IOException("the share-link keeper answered " + response.statusCode()));
    };
  }

  private Reason reasonOf(String problem) {
    JsonNode reason = read(problem, JsonNode.class).path("reason");
    return "EXPIRED".equals(reason.asText()) ? Reason.EXPIRED : Reason.USED;
  }

  private <T> T read(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new Unreachable(e);
    }
  }

  /**
   * The link, now spent.
   *
   * @param identityId the identity an update link is for; null for a link that adds one
   */
  @RegisterForReflection
  public record Spent(UUID linkId, String orgId, UUID identityId) {}

  /** Why a link cannot be spent. */
  public enum Reason {
    UNKNOWN,
    EXPIRED,
    USED
  }

  /** The keeper refused: the link cannot be used. */
  public static class Refused extends RuntimeException {

    private final Reason reason;

    public Refused(Reason reason) {
      super("share link refused: " + reason);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /** The keeper could not be asked (down, slow, or an answer it should not give). */
  public static class Unreachable extends RuntimeException {

    public Unreachable(Throwable cause) {
      super("the share-link keeper cannot be reached: " + cause.getMessage(), cause);
    }
  }
}
