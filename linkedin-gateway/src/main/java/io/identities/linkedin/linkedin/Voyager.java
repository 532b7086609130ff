package io.identities.linkedin.linkedin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.identities.linkedin.linkedin.LinkedIn.NewConnection;
import io.identities.linkedin.linkedin.LinkedIn.Person;
import io.identities.linkedin.linkedin.LinkedIn.Profile;
import io.identities.linkedin.linkedin.LinkedIn.RefusedException;
import io.identities.linkedin.linkedin.LinkedIn.SentInvitation;
import io.identities.linkedin.linkedin.LinkedIn.Session;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * LinkedIn's web API (Voyager, {@code /voyager/api}) as the public clients use it: the session's
 * {@code li_at} and {@code JSESSIONID} cookies, the CSRF token, the Rest.li 2.0 protocol header;
 * the dash profile query, {@code verifyQuotaAndCreateV2} for invitations, {@code
 * sentInvitationViewsV2} and the invitation {@code withdraw} action, connections sorted {@code
 * RECENTLY_ADDED}, and messenger {@code createMessage}; and Sales Navigator's lead profiles ({@code
 * /sales-api/salesApiProfiles}), with the same session. LinkedIn's answers become the port's: 401
 * an expired session, 403 {@code ACCOUNT_RESTRICTED} a restriction, 429 without a code or 999
 * throttling, any other refusal a {@link RefusedException} with LinkedIn's code ({@code data.code})
 * and words.
 */
final class Voyager {

  private static final String API = "/voyager/api";
  private static final String PROFILE_DECORATION =
      "com.linkedin.voyager.dash.deco.identity.profile.FullProfileWithEntities-93";
  private static final String SALES_PROFILES = "/sales-api/salesApiProfiles/";
  private static final String LEAD_DECORATION =
      "(entityUrn,objectUrn,firstName,lastName,fullName,headline,degree,location,"
          + "pendingInvitation,flagshipProfileUrl,defaultPosition)";
  private static final String INVITE =
      "/voyagerRelationshipsDashMemberRelationships?action=verifyQuotaAndCreateV2"
          + "&decorationId=com.linkedin.voyager.dash.deco.relationships"
          + ".InvitationCreationResultWithInvitee-2";
  private static final String CREATE_MESSAGE =
      "/voyagerMessagingDashMessengerMessages?action=createMessage";
  private static final String SENT_INVITATIONS =
      "/relationships/sentInvitationViewsV2?invitationType=CONNECTION&q=invitationType";
  private static final String RECENT_CONNECTIONS =
      "/relationships/dash/connections?q=search&sortType=RECENTLY_ADDED"
          + "&decorationId=com.linkedin.voyager.dash.deco.web.mynetwork.ConnectionListWithProfile-16";
  private static final int PAGE = 100;
  private static final int CONNECTIONS_PAGE = 40;
  private static final int MOST_PAGES = 30;
  private static final String JSON = "application/json";
  private static final String NORMALIZED_JSON = "application/vnd.linkedin.normalized+json+2.1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final LinkedInConfig config;
  private final ObjectMapper json;
  private final Transport transport;

  Voyager(LinkedInConfig config, ObjectMapper json, Transport transport) {
    this.config = config;
    this.json = json;
    this.transport = transport;
  }

  /** The session's own member ({@code /me}). */
  Profile me(Session session) {
    JsonNode me = answer(transport.send(request(session, "/me", JSON).GET().build()));
    JsonNode mini = me.path("miniProfile");
    return new Profile(
        after(mini.path("dashEntityUrn").asText(null), "urn:li:fsd_profile:"),
        mini.path("firstName").asText(null),
        mini.path("lastName").asText(null),
        mini.path("occupation").asText(null),
        mini.path("publicIdentifier").asText(null),
        me.path("emailAddress").asText(null),
        me.path("salesNavigator").asBoolean(false));
  }

  Person person(Session session, String person) {
    String path =
        People.isMemberId(person)
            ? "/identity/dash/profiles/"
                + encode("urn:li:fsd_profile:" + person.strip())
                + "?decorationId="
                + PROFILE_DECORATION
            : "/identity/dash/profiles?q=memberIdentity&memberIdentity="
                + encode(People.publicIdentifier(person).orElseThrow())
                + "&decorationId="
                + PROFILE_DECORATION;
    JsonNode answer = answer(transport.send(request(session, path, JSON).GET().build()));
    JsonNode profile = answer.has("elements") ? answer.path("elements").path(0) : answer;
    if (profile.isMissingNode()) {
      throw new RefusedException(RefusedException.NOT_FOUND, "Profile not found");
    }
    JsonNode relationship = profile.path("memberRelationship").path("memberRelationshipUnion");
    JsonNode notConnected = relationship.path("noConnection");
    return new Person(
        after(profile.path("entityUrn").asText(null), "urn:li:fsd_profile:"),
        profile.path("publicIdentifier").asText(null),
        profile.path("firstName").asText(null),
        profile.path("lastName").asText(null),
        profile.path("headline").asText(null),
        profile
            .path("profileTopPosition")
            .path("elements")
            .path(0)
            .path("companyName")
            .asText(null),
        profile.path("geoLocation").path("geo").path("defaultLocalizedName").asText(null),
        relationship.has("self")
            ? Integer.valueOf(0)
            : relationship.has("connection") ? Integer.valueOf(1) : degree(notConnected),
        "PENDING"
            .equals(
                notConnected
                    .path("invitationUnion")
                    .path("invitation")
                    .path("invitationState")
                    .asText()));
  }

  /**
   * The person as Sales Navigator shows a lead ({@code /sales-api/salesApiProfiles}, answered
   * flat), by their member id; what Sales Navigator leaves out stays as the lookup found it.
   */
  Person lead(Session session, Person person) {
    URI uri =
        URI.create(
            config.baseUrl()
                + SALES_PROFILES
                + "(profileId:"
                + person.memberId()
                + ",authType:NAME_SEARCH)?decoration="
                + encode(LEAD_DECORATION));
    JsonNode lead = answer(transport.send(request(session, uri, JSON).GET().build()));
    String flagship = lead.path("flagshipProfileUrl").asText("");
    int degree = lead.path("degree").asInt(-1);
    return new Person(
        person.memberId(),
        flagship.contains("/in/")
            ? People.publicIdentifier(flagship).orElse(person.publicIdentifier())
            : person.publicIdentifier(),
        lead.path("firstName").asText(person.firstName()),
        lead.path("lastName").asText(person.lastName()),
        lead.path("headline").asText(person.headline()),
        lead.path("defaultPosition").path("companyName").asText(person.company()),
        lead.path("location").asText(person.location()),
        degree > 0 ? Integer.valueOf(degree) : person.degree(),
        lead.path("pendingInvitation").asBoolean(person.invitationPending()));
  }

  String invite(Session session, Person person, String note) {
    ObjectNode body = json.createObjectNode();
    body.putObject("invitee")
        .putObject("inviteeUnion")
        .put("memberProfile", "urn:li:fsd_profile:" + person.memberId());
    if (note != null) {
      body.put("customMessage", note);
    }
    JsonNode answer = answer(transport.send(post(session, INVITE, JSON, NORMALIZED_JSON, body)));
    return after(
        answer.path("data").path("value").path("invitationUrn").asText(null),
        "urn:li:fsd_invitation:");
  }

  String message(Session session, String memberId, Person person, String text, String token) {
    ObjectNode body = json.createObjectNode();
    ObjectNode message = body.putObject("message");
    message.putObject("body").put("text", text).putArray("attributes");
    message.putArray("renderContentUnions");
    message.put("originToken", token);
    body.put("mailboxUrn", "urn:li:fsd_profile:" + memberId);
    body.put("trackingId", HexFormat.of().formatHex(randomBytes(16)));
    body.put("dedupeByClientGeneratedToken", false);
    body.putArray("hostRecipientUrns").add("urn:li:fsd_profile:" + person.memberId());
    JsonNode answer =
        answer(
            transport.send(post(session, CREATE_MESSAGE, "text/plain;charset=UTF-8", JSON, body)));
    return answer.path("value").path("entityUrn").asText(null);
  }

  /**
   * Every pending invitation, page by page (LinkedIn's normalized answer: views, then entities).
   */
  List<SentInvitation> sentInvitations(Session session) {
    List<SentInvitation> invitations = new ArrayList<>();
    for (int page = 0; page < MOST_PAGES; page++) {
      JsonNode answer =
          answer(
              transport.send(
                  request(
                          session,
                          SENT_INVITATIONS + "&start=" + page * PAGE + "&count=" + PAGE,
                          NORMALIZED_JSON)
                      .GET()
                      .build()));
      Map<String, JsonNode> included = new HashMap<>();
      answer.path("included").forEach(node -> included.put(node.path("entityUrn").asText(), node));
      JsonNode views = answer.path("data").path("*elements");
      for (JsonNode viewUrn : views) {
        JsonNode view = included.getOrDefault(viewUrn.asText(), json.missingNode());
        JsonNode invitation =
            included.getOrDefault(view.path("*invitation").asText(), json.missingNode());
        JsonNode member =
            included.getOrDefault(invitation.path("*toMember").asText(), json.missingNode());
        invitations.add(
            new SentInvitation(
                after(invitation.path("entityUrn").asText(null), "urn:li:fs_relInvitation:"),
                invitation.path("sharedSecret").asText(null),
                Instant.ofEpochMilli(invitation.path("sentTime").asLong()),
                invitation.path("toMemberId").asText(null),
                member.path("publicIdentifier").asText(null),
                member.path("firstName").asText(null),
                member.path("lastName").asText(null),
                invitation.path("message").asText(null)));
      }
      if (views.size() < PAGE) {
        break;
      }
    }
    return invitations;
  }

  /** The connections made after {@code since}, read newest first until an older one. */
  List<NewConnection> connectionsSince(Session session, Instant since) {
    List<NewConnection> connections = new ArrayList<>();
    for (int page = 0; page < MOST_PAGES; page++) {
      JsonNode elements =
          answer(
                  transport.send(
                      request(
                              session,
                              RECENT_CONNECTIONS
                                  + "&start="
                                  + page * CONNECTIONS_PAGE
                                  + "&count="
                                  + CONNECTIONS_PAGE,
                              JSON)
                          .GET()
                          .build()))
              .path("elements");
      for (JsonNode connection : elements) {
        Instant at = Instant.ofEpochMilli(connection.path("createdAt").asLong());
        if (!at.isAfter(since)) {
          return connections;
        }
        connections.add(
            new NewConnection(
                after(connection.path("connectedMember").asText(null), "urn:li:fsd_profile:"),
                connection
                    .path("connectedMemberResolutionResult")
                    .path("publicIdentifier")
                    .asText(null),
                at));
      }
      if (elements.size() < CONNECTIONS_PAGE) {
        break;
      }
    }
    return connections;
  }

  boolean withdraw(Session session, String invitationId, String sharedSecret) {
    ObjectNode body = json.createObjectNode();
    body.put("invitationId", invitationId);
    body.put("invitationSharedSecret", sharedSecret);
    body.put("isGenericInvitation", false);
    try {
      answer(
          transport.send(
              post(
                  session,
                  "/relationships/invitations/" + encode(invitationId) + "?action=withdraw",
                  JSON,
                  NORMALIZED_JSON,
                  body)));
      return true;
    } catch (RefusedException e) {
      if (RefusedException.NOT_FOUND.equals(e.code())) {
        return false;
      }
      throw e;
    }
  }

  private HttpRequest.Builder request(Session session, String path, String accept) {
    return request(session, URI.create(config.baseUrl() + API + path), accept);
  }

  private HttpRequest.Builder request(Session session, URI uri, String accept) {
    return HttpRequest.newBuilder(uri)
        .timeout(config.timeout())
        .header(
            "Cookie",
            Transport.cookieHeader(
                Map.of("li_at", session.liAt(), "JSESSIONID", session.jsessionId())))
        .header("csrf-token", Transport.csrfToken(session.jsessionId()))
        .header("x-restli-protocol-version", "2.0.0")
        .header("x-li-lang", "en_US")
        .header("accept", accept);
  }

  private HttpRequest post(
      Session session, String path, String contentType, String accept, JsonNode body) {
    try {
      return request(session, path, accept)
          .header("content-type", contentType)
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The body of a successful answer; any other answer as the port's exception. */
  private JsonNode answer(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 999) {
      throw new LinkedIn.ThrottledException(status);
    }
    JsonNode body = parse(response);
    if (status >= 200 && status < 300) {
      return body;
    }
    JsonNode error = body.path("data").has("code") ? body.path("data") : body;
    String code = error.path("code").asText(null);
    String words = error.path("message").asText(null);
    if (status == 401) {
      throw new LinkedIn.SessionExpiredException();
    }
    if ("ACCOUNT_RESTRICTED".equals(code)) {
      throw new LinkedIn.RestrictedException(words);
    }
    if (status == 429 && code == null) {
      throw new LinkedIn.ThrottledException(status);
    }
    if (status >= 500) {
      throw Transport.unexpected(response);
    }
    if (code == null) {
      code = status == 404 ? RefusedException.NOT_FOUND : "HTTP_" + status;
    }
    throw new RefusedException(code, words);
  }

  private JsonNode parse(HttpResponse<String> response) {
    if (response.body() == null || response.body().isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw Transport.unexpected(response);
    }
  }

  private static Integer degree(JsonNode notConnected) {
    return switch (notConnected.path("memberDistance").asText()) {
      case "DISTANCE_1" -> 1;
      case "DISTANCE_2" -> 2;
      case "DISTANCE_3" -> 3;
      default -> null;
    };
  }

  private static String after(String urn, String prefix) {
    return urn != null && urn.startsWith(prefix) ? urn.substring(prefix.length()) : urn;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
