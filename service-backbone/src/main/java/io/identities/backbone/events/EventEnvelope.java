package io.identities.backbone.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Every message on the bus: CloudEvents attribute names (structured JSON mode) plus the tenant.
 *
 * @param id unique per event; consumers deduplicate on it
 * @param type the event or command type, also the routing key (see {@link EventTypes})
 * @param source the service that produced it, as a URI reference (e.g. {@code /identities-service})
 * @param subject the aggregate the event is about (e.g. the identity id)
 * @param orgid the organization (tenant) the event belongs to
 * @param data the payload, one of the records in this package
 */
@RegisterForReflection
public record EventEnvelope(
    UUID id,
    String type,
    String source,
    String specversion,
    OffsetDateTime time,
    String subject,
    String datacontenttype,
    String orgid,
    JsonNode data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String DATA_CONTENT_TYPE = "application/json";

  /** The AMQP content type of a serialized envelope (CloudEvents structured mode). */
  public static final String CONTENT_TYPE = "application/cloudevents+json";
}
