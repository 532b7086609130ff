package io.identities.linkedin.support;

import io.identities.simulator.linkedin.DemoAccounts;
import io.identities.simulator.linkedin.LinkedInSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Runs the LinkedIn simulator with the demo accounts and points the gateway at it, with a proxy
 * pool of one country.
 */
public class LinkedInSimulatorResource implements QuarkusTestResourceLifecycleManager {

  /** The pool's proxy for Spain, with credentials in the configuration like a provider's. */
  public static final String POOL_COUNTRY = "ES";

  private static RecordingProxy poolProxy;
  private static LinkedInSimulator simulator;

  @Override
  public Map<String, String> start() {
    simulator = new LinkedInSimulator(0, DemoAccounts.all());
    poolProxy = new RecordingProxy("pool-user", "pool-secret");
    return Map.of(
        "linkedin.base-url",
        simulator.baseUrl(),
        "identities.test.simulator-url",
        simulator.baseUrl(),
        "linkedin.proxy-countries." + POOL_COUNTRY,
        "http://pool-user:pool-secret@127.0.0.1:" + poolProxy.address().getPort());
  }

  /** The simulator the gateway talks to, for tests to set LinkedIn up and see what it got. */
  public static LinkedInSimulator simulator() {
    return simulator;
  }

  /** The proxy behind {@link #POOL_COUNTRY}. */
  public static RecordingProxy poolProxy() {
    return poolProxy;
  }

  @Override
  public void stop() {
    simulator.close();
    poolProxy.close();
  }
}
