package io.identities.linkedin.support;

import io.identities.simulator.linkedin.DemoAccounts;
import io.identities.simulator.linkedin.LinkedInSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs the LinkedIn simulator with the demo accounts and points the gateway at it. */
public class LinkedInSimulatorResource implements QuarkusTestResourceLifecycleManager {

  private LinkedInSimulator simulator;

  @Override
  public Map<String, String> start() {
    simulator = new LinkedInSimulator(0, DemoAccounts.all());
    return Map.of(
        "linkedin.base-url",
        simulator.baseUrl(),
        "identities.test.simulator-url",
        simulator.baseUrl());
  }

  @Override
  public void stop() {
    simulator.close();
  }
}
