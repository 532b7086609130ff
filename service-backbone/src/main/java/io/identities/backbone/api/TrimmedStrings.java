package io.identities.backbone.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every string a client sends is trimmed, and a blank one means "no value", so validation and
 * storage never see stray white space.
 */
@Singleton
public class TrimmedStrings implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.registerModule(
        new SimpleModule("trimmed-strings").addDeserializer(String.class, new Trimming()));
  }

  private static final class Trimming extends StdScalarDeserializer<String> {
    Trimming() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value == null) {
        return null;
      }
      String trimmed = value.strip();
      return trimmed.isEmpty() ? null : trimmed;
    }
  }
}
