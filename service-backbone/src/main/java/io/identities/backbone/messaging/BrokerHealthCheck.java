package io.identities.backbone.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while RabbitMQ can be reached for publishing (consumers report on their own). */
@Readiness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

  private final Broker broker;

  BrokerHealthCheck(Broker broker) {
    this.broker = broker;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("RabbitMQ").status(broker.isReachable()).build();
  }
}
