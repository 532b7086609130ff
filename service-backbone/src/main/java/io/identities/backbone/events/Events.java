package io.identities.backbone.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds, writes and reads {@link EventEnvelope}s with the application's ObjectMapper. */
@ApplicationScoped
public class Events {

  private final ObjectMapper mapper;
  private final String source;

  Events(ObjectMapper mapper, @ConfigProperty(name = "quarkus.application.name") String service) {
    this.mapper = mapper;
    this.source = "/" + service;
  }

  /** A new envelope from this service, stamped now, about {@code subject} in {@code orgId}. */
  public EventEnvelope envelope(String type, String orgId, String subject, Object data) {
    return envelope(UUID.randomUUID(), type, orgId, subject, data);
  }

  /** An envelope whose id is given: a command whose receiver acts once per id. */
  public EventEnvelope envelope(UUID id, String type, String orgId, String subject, Object data) {
    return new EventEnvelope(
        id,
        type,
        source,
        EventEnvelope.SPEC_VERSION,
        OffsetDateTime.now(ZoneOffset.UTC),
        subject,
        EventEnvelope.DATA_CONTENT_TYPE,
        orgId,
        mapper.valueToTree(data));
  }

  public String write(EventEnvelope envelope) {
    try {
      return mapper.writeValueAsString(envelope);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads an envelope off the wire.
   *
   * @throws MalformedEventException when it is not a complete envelope: retrying cannot help
   */
  public EventEnvelope read(byte[] body) {
    EventEnvelope envelope;
    try {
      envelope = mapper.readValue(body, EventEnvelope.class);
    } catch (IOException e) {
      throw new MalformedEventException("not a JSON event envelope", e);
    }
    if (envelope.id() == null
        || envelope.type() == null
        || envelope.orgid() == null
        || envelope.orgid().isBlank()) {
      throw new MalformedEventException("event envelope lacks id, type or orgid", null);
    }
    return envelope;
  }

  /** The envelope's data as the payload record its type defines. */
  public <T> T data(EventEnvelope envelope, Class<T> type) {
    try {
      return mapper.treeToValue(envelope.data(), type);
    } catch (IOException e) {
      throw new MalformedEventException(
          envelope.type() + " " + envelope.id() + " has unreadable data", e);
    }
  }

  /** An event that can never be processed; it ends in the consumer's dead-letter queue. */
  public static class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
