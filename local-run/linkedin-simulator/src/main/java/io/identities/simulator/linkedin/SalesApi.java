package io.identities.simulator.linkedin;

import static io.identities.simulator.linkedin.Json.object;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sales Navigator's API under {@code /sales-api}: a lead's profile, {@code GET
 * /salesApiProfiles/(profileId:<id>[,authType:...,authToken:...])?decoration=(...)}, answered flat
 * as Sales Navigator does ({@code entityUrn}, {@code objectUrn}, names, {@code headline}, {@code
 * degree}, {@code location}, {@code pendingInvitation}, {@code flagshipProfileUrl}, {@code
 * defaultPosition}). The profile id is the member's id (the one in {@code urn:li:fsd_profile:}).
 *
 * <p>Every call is {@link SignedIn}, needs {@code x-restli-protocol-version}, and an account with a
 * Sales Navigator seat (else 403); each profile read is one of the account's scrapings.
 */
final class SalesApi {

  private static final String BASE = "/sales-api";
  private static final Pattern PROFILE =
      Pattern.compile("/salesApiProfiles/\\(profileId:([^,)]+)(?:,authType:([^,)]*))?[^)]*\\)");

  private final Accounts accounts;
  private final Members members;
  private final Sessions sessions;
  private final Supplier<Instant> clock;

  SalesApi(Accounts accounts, Members members, Sessions sessions, Supplier<Instant> clock) {
    this.accounts = accounts;
    this.members = members;
    this.sessions = sessions;
    this.clock = clock;
  }

  Reply handle(Request request) {
    AccountState account = SignedIn.account(request, sessions, accounts);
    if (request.header("x-restli-protocol-version") == null) {
      throw LinkedInError.MISSING_PROTOCOL_VERSION.refused();
    }
    if (!account.account().salesNavigator()) {
      throw LinkedInError.NO_SALES_NAVIGATOR.refused();
    }
    Matcher profile = PROFILE.matcher(request.path().substring(BASE.length()));
    if (request.isGet() && profile.matches() && request.query("decoration") != null) {
      return lead(account, profile.group(1), profile.group(2));
    }
    throw LinkedInError.NOT_FOUND.refused();
  }

  private Reply lead(AccountState account, String profileId, String authType) {
    Member member = members.byId(profileId).orElseThrow(LinkedInError.PROFILE_NOT_FOUND::refused);
    account.activity().viewedLead();
    Network.Relationship relationship =
        account.network().relationship(member.memberId(), clock.get());
    Map<String, Object> lead =
        object(
            "entityUrn",
            "urn:li:fs_salesProfile:("
                + member.memberId()
                + ","
                + (authType == null || authType.isBlank() ? "NAME_SEARCH" : authType)
                + ","
                + Tokens.alphanumeric(4)
                + ")",
            "objectUrn",
            "urn:li:member:" + member.plainId(),
            "firstName",
            member.firstName(),
            "lastName",
            member.lastName(),
            "fullName",
            member.firstName() + " " + member.lastName(),
            "headline",
            member.headline(),
            "degree",
            relationship.connectedAt() != null ? 1 : degree(member.distance()),
            "location",
            member.locationName(),
            "pendingInvitation",
            relationship.pending() != null,
            "flagshipProfileUrl",
            "https://www.linkedin.com/in/" + member.publicIdentifier(),
            "defaultPosition",
            member.companyName() == null
                ? null
                : object("companyName", member.companyName(), "title", member.headline()));
    return Reply.json(200, lead);
  }

  /** Sales Navigator's degree: 2 or 3, and -1 out of network. */
  private static int degree(Member.Distance distance) {
    return switch (distance) {
      case DISTANCE_2 -> 2;
      case DISTANCE_3 -> 3;
      case OUT_OF_NETWORK -> -1;
    };
  }
}
