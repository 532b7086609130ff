package io.identities.simulator.linkedin;

import java.util.Optional;

/**
 * The account an API call (Voyager's or Sales Navigator's) is made as: its session cookies ({@code
 * li_at}, {@code JSESSIONID}) and a csrf-token matching the JSESSIONID, else 401. The call is
 * recorded in the account's activity and meets its restriction and throttling.
 */
final class SignedIn {

  private SignedIn() {}

  static AccountState account(Request request, Sessions sessions, Accounts accounts) {
    AccountState account =
        request
            .cookie("li_at")
            .flatMap(sessions::owner)
            .filter(email -> request.csrfMatches())
            .flatMap(accounts::find)
            .orElseThrow(LinkedInError.UNAUTHORIZED::refused);
    account.activity().called(request.method(), request.rawPath());
    Optional<LinkedInError> refusal = account.switches().refusal();
    if (refusal.isPresent()) {
      throw refusal.get().refused();
    }
    return account;
  }
}
