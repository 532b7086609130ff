package io.identities.email.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A provider's token endpoint (RFC 6749): codes and refresh tokens exchanged for tokens. */
@ApplicationScoped
public class OAuthTokenEndpoint {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json;
  private final Clock clock;

  OAuthTokenEndpoint(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  /** The provider refused the grant (invalid_grant: a used code, a revoked refresh token...). */
  public static class RefusedException extends RuntimeException {
    public RefusedException(String message) {
      super(message);
    }
  }

  /** The provider could not be reached or answered something else than tokens. */
  public static class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What an authorization brought: the tokens, and the address they are for. */
  public record Granted(OAuthTokens tokens, String address) {}

  /** Exchanges the authorization code, with the PKCE verifier that started it. */
  public Granted exchange(
      OAuthConfig.Provider provider, String redirectUri, String code, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("code_verifier", verifier);
    JsonNode answer = post(provider, form);
    return new Granted(tokens(answer, null), address(answer));
  }

  /** A new access token (and the new refresh token, when the provider rotates them). */
  public OAuthTokens refresh(OAuthConfig.Provider provider, String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    return tokens(post(provider, form), refreshToken);
  }

  private JsonNode post(OAuthConfig.Provider provider, Map<String, String> form) {
    form.put("client_id", provider.clientId().orElseThrow());
    provider.clientSecret().ifPresent(secret -> form.put("client_secret", secret));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(provider.tokenEndpoint()))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode answer = json.readTree(response.body());
      if (response.statusCode() == 400 || response.statusCode() == 401) {
        throw new RefusedException(
            answer.path("error").asText("refused")
                + (answer.has("error_description")
                    ? ": " + answer.get("error_description").asText()
                    : ""));
      }
      if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
        throw new UnavailableException(
            "the token endpoint answered " + response.statusCode(), null);
      }
      return answer;
    } catch (IOException e) {
      throw new UnavailableException("the token endpoint cannot be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("interrupted", e);
    }
  }

  private OAuthTokens tokens(JsonNode answer, String previousRefreshToken) {
    return new OAuthTokens(
        answer.get("access_token").asText(),
        answer.hasNonNull("refresh_token")
            ? answer.get("refresh_token").asText()
            : previousRefreshToken,
        clock.instant().plusSeconds(answer.path("expires_in").asLong(3600)));
  }

  /**
   * The address from the OpenID Connect ID token's {@code email} claim. Received straight from the
   * token endpoint over TLS, it needs no signature check (OpenID Connect Core 3.1.3.7).
   */
  private String address(JsonNode answer) {
    String idToken = answer.path("id_token").asText(null);
    if (idToken == null || idToken.split("\\.").length < 2) {
      throw new UnavailableException(
          "the provider sent no ID token: is the email scope asked?", null);
    }
    try {
      JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1]));
      return claims.path("email").asText(null);
    } catch (IOException | IllegalArgumentException e) {
      throw new UnavailableException("the ID token is unreadable", e);
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            entry ->
                URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
