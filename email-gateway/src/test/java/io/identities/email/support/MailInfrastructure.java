package io.identities.email.support;

import io.identities.simulator.mail.LocalMailServer;
import io.identities.simulator.mail.OAuthServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The mail side of the tests, one for the whole test run: a real SMTP/IMAP server, and an OAuth 2.0
 * authorization server stand-in that the gateway's Google provider points at (its mail servers
 * being the local ones).
 */
public class MailInfrastructure implements QuarkusTestResourceLifecycleManager {

  public static final LocalMailServer MAIL = LocalMailServer.start();
  public static final OAuthServer OAUTH = new OAuthServer(MAIL, 0, "test-client", "test-secret");
  public static final String REDIRECT_URI = "http://localhost/api/email/oauth/callback";

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  OAUTH.close();
                  MAIL.close();
                }));
  }

  @Override
  public Map<String, String> start() {
    String google = "email.oauth.providers.google.";
    return Map.ofEntries(
        // local mail servers, which the connect form refuses otherwise
        Map.entry("email.mail.allowed-private-addresses", "127.0.0.1,::1"),
        Map.entry("email.oauth.redirect-uri", REDIRECT_URI),
        Map.entry(google + "client-id", "test-client"),
        Map.entry(google + "client-secret", "test-secret"),
        Map.entry(google + "authorization-endpoint", OAUTH.authorizationEndpoint()),
        Map.entry(google + "token-endpoint", OAUTH.tokenEndpoint()),
        Map.entry(google + "smtp.host", "127.0.0.1"),
        Map.entry(google + "smtp.port", String.valueOf(MAIL.smtpPort())),
        Map.entry(google + "smtp.security", "NONE"),
        Map.entry(google + "imap.host", "127.0.0.1"),
        Map.entry(google + "imap.port", String.valueOf(MAIL.imapPort())),
        Map.entry(google + "imap.security", "NONE"));
  }

  @Override
  public void stop() {
    // shared by every test class of the run; stopped with the JVM
  }
}
