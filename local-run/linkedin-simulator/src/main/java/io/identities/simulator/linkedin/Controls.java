package io.identities.simulator.linkedin;

import static io.identities.simulator.linkedin.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The simulator's own controls over HTTP (not LinkedIn's), the same as {@link LinkedInSimulator}'s
 * Java methods, for the local run's walk-through and for tests in another JVM. {@code {email}} is
 * an account's login email, {@code {slug}} a member's public identifier:
 *
 * <ul>
 *   <li>{@code POST /simulator/accounts/{email}/approve} or {@code /reject}: the member answers the
 *       sign-in request in the LinkedIn app; {@code /revoke}: their sessions end;
 *   <li>{@code POST .../restrict}, {@code /unrestrict}, {@code /throttle?calls=3&status=429},
 *       {@code /weeklyInvitationLimit?limit=20}, {@code /noteQuota?quota=2};
 *   <li>{@code POST .../invitations/{slug}} (optional JSON {@code {"note":...}}): an invitation
 *       sent on LinkedIn itself, answers {@code {"invitationId":...}}; {@code
 *       .../invitations/{slug}/accept} and {@code .../invitations/{slug}/withdraw};
 *   <li>{@code GET .../invitations}, {@code .../messages}, {@code .../activity} ({@code
 *       {"profileViews":n,"calls":[...]}}); times in ISO-8601;
 *   <li>{@code GET /simulator/members/{slug}}: the member, with its memberId; {@code POST
 *       /simulator/members} with a member's JSON ({@code publicIdentifier} required; {@code
 *       distance} DISTANCE_2, {@code invitable} true by default; {@code acceptsAfter} like {@code
 *       PT30S});
 *   <li>{@code POST /simulator/clock?offset=P21D}: the simulator's clock runs that far ahead of
 *       real time ({@code PT0S} puts it back).
 * </ul>
 *
 * Unknown accounts, members or invitations answer 404, bad parameters 400, LinkedIn's refusals of
 * an invitation sent by hand LinkedIn's answer.
 */
final class Controls {

  private final LinkedInSimulator simulator;
  private final Login login;

  Controls(LinkedInSimulator simulator, Login login) {
    this.simulator = simulator;
    this.login = login;
  }

  Reply handle(Request request) {
    String[] path = request.path().split("/"); // "", "simulator", ...
    try {
      if (path.length >= 5 && path[2].equals("accounts")) {
        return account(request, path[3], Arrays.copyOfRange(path, 4, path.length));
      }
      if (path.length == 4 && path[2].equals("members") && request.isGet()) {
        return Reply.json(
            200,
            simulator
                .member(path[3])
                .orElseThrow(() -> new NoSuchElementException("no member " + path[3])));
      }
      if (path.length == 3 && path[2].equals("members") && request.isPost()) {
        Member member = member(request.json());
        simulator.addMember(member);
        return Reply.json(200, member);
      }
      if (path.length == 3 && path[2].equals("clock") && request.isPost()) {
        simulator.useClock(
            Clock.offset(
                Clock.systemUTC(), Duration.parse(String.valueOf(request.query("offset")))));
        return Reply.json(200, Map.of());
      }
      return notFound("no such control");
    } catch (NoSuchElementException e) {
      return notFound(e.getMessage());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Reply.json(400, object("status", 400, "message", e.getMessage()));
    }
  }

  private Reply account(Request request, String email, String[] rest) {
    boolean invitation = rest.length > 1 && rest[0].equals("invitations");
    String slug = invitation ? rest[1] : null;
    String control =
        request.method()
            + " "
            + (invitation
                ? "invitations/{slug}" + (rest.length > 2 ? "/" + rest[2] : "")
                : String.join("/", rest));
    return switch (control) {
      case "POST approve" -> answer(email, Login.Approval.APPROVED);
      case "POST reject" -> answer(email, Login.Approval.REJECTED);
      case "POST revoke" -> done(() -> simulator.revokeSessions(email));
      case "POST restrict" -> done(() -> simulator.restrict(email, true));
      case "POST unrestrict" -> done(() -> simulator.restrict(email, false));
      case "POST throttle" ->
          done(
              () ->
                  simulator.throttle(
                      email,
                      Integer.parseInt(request.query("calls")),
                      Integer.parseInt(request.query("status"))));
      case "POST weeklyInvitationLimit" ->
          done(
              () ->
                  simulator.weeklyInvitationLimit(email, Integer.parseInt(request.query("limit"))));
      case "POST noteQuota" ->
          done(() -> simulator.noteQuota(email, Integer.parseInt(request.query("quota"))));
      case "POST invitations/{slug}" ->
          Reply.json(
              200,
              object(
                  "invitationId",
                  simulator.inviteByHand(email, slug, request.json().path("note").asText(null))));
      case "POST invitations/{slug}/accept" -> done(() -> simulator.accept(email, slug));
      case "POST invitations/{slug}/withdraw" -> done(() -> simulator.withdrawByHand(email, slug));
      case "GET invitations" -> Reply.json(200, simulator.invitations(email));
      case "GET messages" -> Reply.json(200, simulator.messages(email));
      case "GET activity" ->
          Reply.json(
              200,
              object(
                  "profileViews",
                  simulator.profileViews(email),
                  "calls",
                  simulator.voyagerCalls(email)));
      default -> notFound("no such control");
    };
  }

  private Reply answer(String email, Login.Approval approval) {
    login.answer(email, approval);
    return Reply.json(200, Map.of("approval", approval.name()));
  }

  private static Reply done(Runnable control) {
    control.run();
    return Reply.json(200, Map.of());
  }

  /** A member from its JSON; the memberId derived from the slug when absent. */
  private static Member member(JsonNode json) {
    String slug = json.path("publicIdentifier").asText(null);
    if (slug == null) {
      throw new IllegalArgumentException("publicIdentifier is required");
    }
    return new Member(
        json.path("memberId").asText(LinkedInSimulator.memberId(slug)),
        slug,
        json.path("firstName").asText(null),
        json.path("lastName").asText(null),
        json.path("headline").asText(null),
        json.path("companyName").asText(null),
        json.path("locationName").asText(null),
        Member.Distance.valueOf(json.path("distance").asText("DISTANCE_2")),
        json.path("invitable").asBoolean(true),
        json.hasNonNull("acceptsAfter") ? Duration.parse(json.get("acceptsAfter").asText()) : null);
  }

  private static Reply notFound(String message) {
    return Reply.json(404, object("status", 404, "message", message));
  }
}
