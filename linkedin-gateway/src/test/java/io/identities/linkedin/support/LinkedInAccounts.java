package io.identities.linkedin.support;

import static org.hamcrest.Matchers.equalTo;

import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.IdentitySnapshot;
import io.identities.backbone.schedule.WorkingHours;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.simulator.linkedin.Account;
import io.identities.simulator.linkedin.DemoAccounts;
import io.identities.simulator.linkedin.LinkedInSimulator;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Identities with a LinkedIn account of their own in the simulator (so tests never share an
 * account's network, invitations or messages), announced with the settings a test needs.
 */
public final class LinkedInAccounts {

  private LinkedInAccounts() {}

  /** Settings of an identity: its LinkedIn limits and working hours. */
  public record Settings(
      int dailyConnectionRequests,
      int dailyMessages,
      Integer dailyScrapings,
      Integer withdrawAfterDays,
      WorkingHours workingHours) {

    public Settings withInvitations(int perDay) {
      return new Settings(perDay, dailyMessages, dailyScrapings, withdrawAfterDays, workingHours);
    }

    public Settings withScrapings(Integer perDay) {
      return new Settings(
          dailyConnectionRequests, dailyMessages, perDay, withdrawAfterDays, workingHours);
    }

    /** Withdraws invitations automatically once pending for {@code days}. */
    public Settings withdrawingAfter(int days) {
      return new Settings(
          dailyConnectionRequests, dailyMessages, dailyScrapings, days, workingHours);
    }

    public Settings workingHours(WorkingHours hours) {
      return new Settings(
          dailyConnectionRequests, dailyMessages, dailyScrapings, withdrawAfterDays, hours);
    }
  }

  /**
   * The product's defaults (20 invitations, 100 messages, no automatic withdrawal), Monday to
   * Friday 09-18 in Madrid.
   */
  public static Settings defaults() {
    return new Settings(20, 100, null, null, WorkingHours.standard("Europe/Madrid"));
  }

  /**
   * A new identity of {@code org} with {@code settings}, whose new LinkedIn account (Sales
   * Navigator or not) is connected; answers its id and the account's email in the simulator.
   */
  public static Connected connect(
      BrokerProbe broker,
      Events events,
      LinkedInApi api,
      String org,
      Settings settings,
      boolean salesNavigator) {
    String slug = "member-" + UUID.randomUUID().toString().substring(0, 8);
    String email = slug + "@example.com";
    simulator()
        .add(
            new Account(
                email,
                DemoAccounts.PASSWORD,
                Account.TwoStep.NONE,
                DemoAccounts.PIN,
                DemoAccounts.TOTP_SECRET,
                false,
                salesNavigator,
                "Nia",
                "Network",
                "Sales at Example",
                slug));
    UUID identity =
        io.identities.backbone.testing.KnownIdentities.announce(
            broker,
            events,
            org,
            snapshot(UUID.randomUUID(), 0, settings),
            "/api/linkedin/identities/{id}");
    api.connect(identity, email, DemoAccounts.PASSWORD)
        .statusCode(200)
        .body("status", equalTo("CONNECTED"));
    return new Connected(identity, email);
  }

  /** Publishes new settings of the identity (identity.updated) and waits until they apply. */
  public static void update(
      BrokerProbe broker,
      Events events,
      LinkedInApi api,
      String org,
      UUID identity,
      long version,
      Settings settings) {
    broker.publish(
        events,
        events.envelope(
            EventTypes.IDENTITY_UPDATED,
            org,
            identity.toString(),
            snapshot(identity, version, settings)));
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                api.request()
                        .get("/api/linkedin/identities/{id}", identity)
                        .then()
                        .extract()
                        .<Integer>path("limits.dailyConnectionRequests")
                    == settings.dailyConnectionRequests());
  }

  public record Connected(UUID identity, String email) {}

  /**
   * A new account of the simulator like the demo account {@code demoEmail} (the same way of signing
   * in, the same name), with an email and a profile of its own: a LinkedIn account is connected to
   * one identity at a time, so tests that connect one each take their own.
   */
  public static Account like(String demoEmail) {
    Account demo =
        DemoAccounts.all().stream()
            .filter(account -> account.email().equals(demoEmail))
            .findFirst()
            .orElseThrow();
    String own = UUID.randomUUID().toString().substring(0, 8);
    Account account =
        new Account(
            demo.email().replace("@", "-" + own + "@"),
            demo.password(),
            demo.twoStep(),
            demo.pin(),
            demo.totpSecret(),
            demo.captcha(),
            demo.salesNavigator(),
            demo.firstName(),
            demo.lastName(),
            demo.headline(),
            demo.publicIdentifier() + "-" + own);
    simulator().add(account);
    return account;
  }

  public static LinkedInSimulator simulator() {
    return LinkedInSimulatorResource.simulator();
  }

  private static IdentitySnapshot snapshot(UUID id, long version, Settings settings) {
    return new IdentitySnapshot(
        id,
        version,
        "Nia",
        new IdentitySnapshot.LinkedInSettings(
            settings.dailyConnectionRequests(),
            settings.dailyMessages(),
            settings.dailyScrapings(),
            settings.withdrawAfterDays() != null,
            settings.withdrawAfterDays() == null ? 7 : settings.withdrawAfterDays()),
        new IdentitySnapshot.EmailSettings(30, 5, null, null),
        settings.workingHours());
  }
}
