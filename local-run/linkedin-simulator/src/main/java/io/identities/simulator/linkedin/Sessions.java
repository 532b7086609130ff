package io.identities.simulator.linkedin;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** LinkedIn's sessions: each {@code li_at} cookie and the login email it belongs to. */
final class Sessions {

  private final Map<String, String> owners = new ConcurrentHashMap<>();

  /** A new session of the account: its {@code li_at}. */
  String open(String email) {
    String liAt = "AQE" + Tokens.hex(24);
    owners.put(liAt, email);
    return liAt;
  }

  Optional<String> owner(String liAt) {
    return Optional.ofNullable(owners.get(liAt));
  }

  /** Ends every session of the account, as a password change or a logout elsewhere does. */
  void revoke(String email) {
    owners.values().removeIf(email::equalsIgnoreCase);
  }
}
