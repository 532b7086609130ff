package io.identities.linkedin.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.events.Events;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.TestClock;
import io.identities.backbone.testing.Tokens;
import io.identities.linkedin.support.LinkedInAccounts.Connected;
import io.identities.linkedin.support.LinkedInAccounts.Settings;
import io.identities.simulator.linkedin.LinkedInSimulator;
import io.quarkus.arc.Arc;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What each LinkedIn action test works in: its own organization, a probe on the broker, the
 * gateway's API, and the clocks of the gateway and the simulator stopped at {@link
 * #MONDAY_10_MADRID} (moved on by the test, back to real time after it).
 */
public final class ActionsScenario implements BeforeEachCallback, AfterEachCallback {

  /** Monday 4 January 2027, 10:00 in Madrid: weeks after any test account's ramp-up. */
  public static final Instant MONDAY_10_MADRID = Instant.parse("2027-01-04T09:00:00Z");

  /** Longer than any pacing gap (15 minutes, varied by a quarter). */
  public static final Duration PAST_ANY_GAP = Duration.ofMinutes(20);

  public final String org = Tokens.newOrganization();
  public final BrokerProbe broker = new BrokerProbe();
  public final LinkedInApi api = new LinkedInApi(org);
  public final ActionsApi actions = new ActionsApi(api);
  public final LinkedInSimulator linkedIn = LinkedInSimulatorResource.simulator();

  public TestClock clock() {
    return Arc.container().instance(TestClock.class).get();
  }

  /** A new identity with {@code settings} and a LinkedIn account of its own, connected. */
  public Connected connect(Settings settings, boolean salesNavigator) {
    return LinkedInAccounts.connect(
        broker, Arc.container().instance(Events.class).get(), api, org, settings, salesNavigator);
  }

  /** The next event on {@code queue} about {@code subject}. */
  public JsonNode event(String queue, UUID subject) throws Exception {
    return Arc.container()
        .instance(ObjectMapper.class)
        .get()
        .readTree(
            BrokerProbe.body(
                broker.nextContaining(queue, subject.toString(), Duration.ofSeconds(10))));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    clock().set(MONDAY_10_MADRID);
    linkedIn.useClock(clock());
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    clock().reset();
    broker.close();
  }
}
