package io.identities.email.domain;

import io.identities.backbone.problem.ProblemException;
import io.identities.email.mail.MailConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * The mail servers an inbox may name: public ones only, so the connect form cannot reach into the
 * platform's own network (loopback, private, link-local such as the cloud metadata service,
 * carrier-grade NAT, unique-local IPv6). An operator allows named private addresses ({@code
 * email.mail.allowed-private-addresses}: the local run and the tests, whose servers are local). A
 * name that does not resolve is left to the connection attempt, which reports it.
 */
@ApplicationScoped
public class MailServerAddresses {

  private final Set<String> allowed;

  MailServerAddresses(MailConfig config) {
    this.allowed = Set.copyOf(config.allowedPrivateAddresses().orElse(List.of()));
  }

  /** Refuses {@code host} (the request's {@code field}) if it resolves to a private address. */
  public void check(String field, String host) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return;
    }
    for (InetAddress address : addresses) {
      if (isPrivate(address) && !allowed.contains(address.getHostAddress())) {
        throw ProblemException.invalidField(
            field,
            "must be a public mail server: "
                + host
                + " is "
                + (host.equals(address.getHostAddress()) ? "" : address.getHostAddress() + ", ")
                + "an address of a private network");
      }
    }
  }

  /** Whether an address belongs to a network that is not the public internet. */
  static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet6Address) {
      return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
    }
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    return first == 0 // 0.0.0.0/8, "this network"
        || (first == 100 && second >= 64 && second < 128) // 100.64.0.0/10, carrier-grade NAT
        || (first == 198 && (second == 18 || second == 19)); // 198.18.0.0/15, benchmarking
  }
}
