package io.identities.simulator.linkedin;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The accounts that sign in, by login email (case-insensitive). */
final class Accounts {

  private final Map<String, AccountState> byEmail = new ConcurrentHashMap<>();

  /** Adds the account, or replaces the one with the same email. */
  void put(AccountState state) {
    byEmail.put(state.account().email().toLowerCase(), state);
  }

  Optional<AccountState> find(String email) {
    return Optional.ofNullable(byEmail.get(email.toLowerCase()));
  }

  /**
   * @throws NoSuchElementException for an unknown email
   */
  AccountState get(String email) {
    return find(email).orElseThrow(() -> new NoSuchElementException("no account " + email));
  }
}
