package io.identities.simulator.linkedin;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The accounts that sign in, by login email (case-insensitive); an email no account has may be
 * admitted as a new one ({@link #admitting}).
 */
final class Accounts {

  private final Map<String, AccountState> byEmail = new ConcurrentHashMap<>();
  private Function<String, Optional<AccountState>> newcomers = email -> Optional.empty();

  /** Who signs in with an email no account has yet, if anyone: made by {@code newcomers}. */
  void admitting(Function<String, Optional<AccountState>> newcomers) {
    this.newcomers = newcomers;
  }

  /** Adds the account, or replaces the one with the same email. */
  void put(AccountState state) {
    byEmail.put(state.account().email().toLowerCase(), state);
  }

  Optional<AccountState> find(String email) {
    return known(email).or(() -> newcomers.apply(email));
  }

  /** The account with this email, without admitting one. */
  Optional<AccountState> known(String email) {
    return Optional.ofNullable(byEmail.get(email.toLowerCase()));
  }

  /**
   * @throws NoSuchElementException for an unknown email
   */
  AccountState get(String email) {
    return find(email).orElseThrow(() -> new NoSuchElementException("no account " + email));
  }
}
