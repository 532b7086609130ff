package io.identities.email.support;

import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.Tokens;
import io.identities.simulator.mail.LocalMailServer;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What each email-gateway test works in: its own organization and campaign, a probe on the broker
 * (closed after the test), and addresses of its own on the local mail server all tests share.
 */
public final class Scenario implements AfterEachCallback {

  public final String org = Tokens.newOrganization();
  public final UUID campaign = UUID.randomUUID();
  public final BrokerProbe broker = new BrokerProbe();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /** The real SMTP/IMAP server of the test run. */
  public LocalMailServer mail() {
    return MailInfrastructure.MAIL;
  }

  /** An address of this test on the sending side. */
  public String address(String name) {
    return name + "-" + run + "@sales.example";
  }

  /** An address of this test on the leads' side. */
  public String recipient(String name) {
    return name + "-" + run + "@prospect.example";
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    broker.close();
  }
}
