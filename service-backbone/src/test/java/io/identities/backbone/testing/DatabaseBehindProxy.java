package io.identities.backbone.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link LocalInfrastructure} with the service's database reached through a {@link TcpProxy}
 * ({@link TcpProxy#postgreSql()}), which a test cuts to take the database away from the service as
 * an outage would, without stopping the machine's PostgreSQL under the other tests.
 */
public class DatabaseBehindProxy extends LocalInfrastructure {

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    config.put(
        "quarkus.datasource.jdbc.url",
        config
            .get("quarkus.datasource.jdbc.url")
            .replace("127.0.0.1:5432", "127.0.0.1:" + TcpProxy.postgreSql().port()));
    return config;
  }

  @Override
  public void stop() {
    TcpProxy.postgreSql().restore();
    super.stop();
  }
}
