package io.identities.simulator.linkedin;

import static io.identities.simulator.linkedin.Json.object;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * LinkedIn's Voyager API under {@code /voyager/api}, in LinkedIn's JSON shapes: the member's own
 * profile ({@code /me}), profiles by slug or member id, invitations to connect (send, list the
 * pending ones, withdraw), messages, and the recently added connections.
 *
 * <p>Every call is {@link SignedIn} and (all but {@code /me}) needs {@code
 * x-restli-protocol-version}.
 */
final class Voyager {

  private static final String BASE = "/voyager/api";
  private static final String PROFILE_URN = "urn:li:fsd_profile:";
  private static final String PROFILES = "/identity/dash/profiles";
  private static final String INVITATIONS = "/relationships/invitations/";
  private static final int DEFAULT_COUNT = 10;
  private static final int MAX_COUNT = 100;

  private final Accounts accounts;
  private final Members members;
  private final Sessions sessions;
  private final Supplier<Instant> clock;

  /**
   * @param clock the simulator's clock, for every time LinkedIn records
   */
  Voyager(Accounts accounts, Members members, Sessions sessions, Supplier<Instant> clock) {
    this.accounts = accounts;
    this.members = members;
    this.sessions = sessions;
    this.clock = clock;
  }

  Reply handle(Request request) {
    AccountState account = SignedIn.account(request, sessions, accounts);
    String path = request.path().substring(BASE.length());
    if (!path.equals("/me") && request.header("x-restli-protocol-version") == null) {
      throw LinkedInError.MISSING_PROTOCOL_VERSION.refused();
    }
    if (request.isGet() && path.equals("/me")) {
      return me(account);
    }
    if (request.isGet() && path.equals(PROFILES) && "memberIdentity".equals(request.query("q"))) {
      return Reply.json(
          200,
          object(
              "elements",
              List.of(
                  profile(
                      account,
                      Optional.ofNullable(request.query("memberIdentity"))
                          .flatMap(members::bySlug)))));
    }
    if (request.isGet() && path.startsWith(PROFILES + "/" + PROFILE_URN)) {
      String memberId = path.substring((PROFILES + "/" + PROFILE_URN).length());
      return Reply.json(200, profile(account, members.byId(memberId)));
    }
    if (request.isPost()
        && path.equals("/voyagerRelationshipsDashMemberRelationships")
        && "verifyQuotaAndCreateV2".equals(request.query("action"))) {
      return invite(request, account);
    }
    if (request.isGet()
        && path.equals("/relationships/sentInvitationViewsV2")
        && "invitationType".equals(request.query("q"))) {
      return sentInvitations(request, account);
    }
    if (request.isPost()
        && path.startsWith(INVITATIONS)
        && "withdraw".equals(request.query("action"))) {
      return withdraw(request, account, path.substring(INVITATIONS.length()));
    }
    if (request.isPost()
        && path.equals("/voyagerMessagingDashMessengerMessages")
        && "createMessage".equals(request.query("action"))) {
      return message(request, account);
    }
    if (request.isGet()
        && path.equals("/relationships/dash/connections")
        && "search".equals(request.query("q"))) {
      return recentConnections(request, account);
    }
    throw LinkedInError.NOT_FOUND.refused();
  }

  /** The signed-in member, plus the email address and Sales Navigator the gateway needs. */
  private Reply me(AccountState account) {
    Member self = account.member();
    return Reply.json(
        200,
        object(
            "plainId",
            self.plainId(),
            "miniProfile",
            object(
                "firstName",
                self.firstName(),
                "lastName",
                self.lastName(),
                "occupation",
                self.headline(),
                "publicIdentifier",
                self.publicIdentifier(),
                "entityUrn",
                "urn:li:fs_miniProfile:" + self.memberId(),
                "dashEntityUrn",
                PROFILE_URN + self.memberId()),
            "premiumSubscriber",
            account.account().salesNavigator(),
            "emailAddress",
            account.account().email(),
            "salesNavigator",
            account.account().salesNavigator()));
  }

  /** A profile with how the account relates to the member; counted as a profile view. */
  private Map<String, Object> profile(AccountState account, Optional<Member> found) {
    Member member = found.orElseThrow(LinkedInError.PROFILE_NOT_FOUND::refused);
    account.activity().viewedProfile();
    return object(
        "entityUrn",
        PROFILE_URN + member.memberId(),
        "publicIdentifier",
        member.publicIdentifier(),
        "firstName",
        member.firstName(),
        "lastName",
        member.lastName(),
        "headline",
        member.headline(),
        "geoLocation",
        member.locationName() == null
            ? null
            : object("geo", object("defaultLocalizedName", member.locationName())),
        "profileTopPosition",
        object(
            "elements",
            member.companyName() == null
                ? List.of()
                : List.of(object("companyName", member.companyName()))),
        "memberRelationship",
        object("memberRelationshipUnion", relationship(account, member)));
  }

  private Map<String, Object> relationship(AccountState account, Member member) {
    if (member.memberId().equals(account.member().memberId())) {
      return object("self", Map.of());
    }
    Network.Relationship relationship =
        account.network().relationship(member.memberId(), clock.get());
    if (relationship.connectedAt() != null) {
      return object("connection", object("createdAt", relationship.connectedAt().toEpochMilli()));
    }
    Invitation pending = relationship.pending();
    return object(
        "noConnection",
        object(
            "memberDistance",
            member.distance().name(),
            "invitationUnion",
            pending == null
                ? null
                : object(
                    "invitation",
                    object(
                        "invitationState",
                        "PENDING",
                        "entityUrn",
                        "urn:li:fsd_invitation:" + pending.invitationId()))));
  }

  private Reply invite(Request request, AccountState account) {
    JsonNode body = request.json();
    String invitee = body.path("invitee").path("inviteeUnion").path("memberProfile").asText("");
    if (!invitee.startsWith(PROFILE_URN)) {
      throw LinkedInError.BAD_REQUEST.refused();
    }
    Invitation invitation =
        account
            .network()
            .invite(
                invitee.substring(PROFILE_URN.length()),
                body.path("customMessage").asText(null),
                clock.get());
    return Reply.json(
        200,
        object(
            "data",
            object(
                "value",
                object("invitationUrn", "urn:li:fsd_invitation:" + invitation.invitationId()),
                "$type",
                "com.linkedin.voyager.dash.relationships.InvitationCreationResult"),
            "included",
            List.of()));
  }

  private Reply withdraw(Request request, AccountState account, String invitationId) {
    account
        .network()
        .withdraw(
            invitationId, request.json().path("invitationSharedSecret").asText(null), clock.get());
    return Reply.json(200, object("data", Map.of(), "included", List.of()));
  }

  /** The pending invitations, newest first, in Voyager's normalized shape. */
  private Reply sentInvitations(Request request, AccountState account) {
    List<Invitation> pending = account.network().pending(clock.get());
    Page page = Page.of(request);
    List<String> elements = new ArrayList<>();
    List<Object> included = new ArrayList<>();
    for (Invitation invitation : page.of(pending)) {
      String view = "urn:li:fs_relSentInvitationView:" + invitation.invitationId();
      String invitationUrn = "urn:li:fs_relInvitation:" + invitation.invitationId();
      String miniProfile = "urn:li:fs_miniProfile:" + invitation.toMemberId();
      elements.add(view);
      included.add(
          object(
              "$type",
              "com.linkedin.voyager.relationships.invitation.SentInvitationView",
              "entityUrn",
              view,
              "*invitation",
              invitationUrn));
      included.add(
          object(
              "$type",
              "com.linkedin.voyager.relationships.invitation.Invitation",
              "entityUrn",
              invitationUrn,
              "sharedSecret",
              invitation.sharedSecret(),
              "sentTime",
              invitation.sentTime().toEpochMilli(),
              "toMemberId",
              invitation.toMemberId(),
              "message",
              invitation.note(),
              "*toMember",
              miniProfile));
      members
          .byId(invitation.toMemberId())
          .ifPresent(
              member ->
                  included.add(
                      object(
                          "$type",
                          "com.linkedin.voyager.identity.shared.MiniProfile",
                          "entityUrn",
                          miniProfile,
                          "publicIdentifier",
                          member.publicIdentifier(),
                          "firstName",
                          member.firstName(),
                          "lastName",
                          member.lastName(),
                          "occupation",
                          member.headline())));
    }
    return Reply.json(
        200,
        object(
            "data",
            object("*elements", elements, "paging", page.paging(pending.size())),
            "included",
            included));
  }

  private Reply message(Request request, AccountState account) {
    JsonNode body = request.json();
    if (!body.path("mailboxUrn").asText("").equals(PROFILE_URN + account.member().memberId())) {
      throw LinkedInError.FOREIGN_MAILBOX.refused();
    }
    JsonNode recipients = body.path("hostRecipientUrns");
    String recipient = recipients.size() == 1 ? recipients.get(0).asText("") : "";
    if (!recipient.startsWith(PROFILE_URN)) {
      throw LinkedInError.INVALID_RECIPIENT.refused();
    }
    JsonNode message = body.path("message");
    String text = message.path("body").path("text").asText("");
    if (text.isBlank()) {
      throw LinkedInError.BAD_REQUEST.refused();
    }
    Message sent =
        account
            .network()
            .send(
                recipient.substring(PROFILE_URN.length()),
                text,
                message.path("originToken").asText(null),
                clock.get());
    String mailbox = PROFILE_URN + account.member().memberId();
    return Reply.json(
        200,
        object(
            "value",
            object(
                "entityUrn",
                "urn:li:msg_message:(" + mailbox + "," + sent.messageId() + ")",
                "conversationUrn",
                "urn:li:msg_conversation:(" + mailbox + "," + sent.conversationId() + ")",
                "deliveredAt",
                sent.deliveredAt().toEpochMilli(),
                "originToken",
                sent.originToken())));
  }

  /** The 1st-degree connections, most recently added first (how a client sees acceptances). */
  private Reply recentConnections(Request request, AccountState account) {
    List<Network.Connection> connections = account.network().connections(clock.get());
    Page page = Page.of(request);
    List<Object> elements = new ArrayList<>();
    for (Network.Connection connection : page.of(connections)) {
      members
          .byId(connection.memberId())
          .ifPresent(
              member ->
                  elements.add(
                      object(
                          "entityUrn",
                          "urn:li:fsd_connection:" + member.memberId(),
                          "createdAt",
                          connection.createdAt().toEpochMilli(),
                          "connectedMember",
                          PROFILE_URN + member.memberId(),
                          "connectedMemberResolutionResult",
                          object(
                              "entityUrn",
                              PROFILE_URN + member.memberId(),
                              "publicIdentifier",
                              member.publicIdentifier(),
                              "firstName",
                              member.firstName(),
                              "lastName",
                              member.lastName(),
                              "headline",
                              member.headline()))));
    }
    return Reply.json(200, object("elements", elements, "paging", page.paging(connections.size())));
  }

  /** Voyager's paging: {@code start} and {@code count} (at most 100) query parameters. */
  private record Page(int start, int count) {

    static Page of(Request request) {
      return new Page(
          Math.max(0, request.intQuery("start", 0)),
          Math.min(MAX_COUNT, Math.max(0, request.intQuery("count", DEFAULT_COUNT))));
    }

    <T> List<T> of(List<T> all) {
      int from = Math.min(start, all.size());
      return all.subList(from, Math.min(all.size(), from + count));
    }

    Map<String, Object> paging(int total) {
      return object("start", start, "count", count, "total", total);
    }
  }
}
