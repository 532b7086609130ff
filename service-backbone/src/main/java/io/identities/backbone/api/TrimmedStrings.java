package io.identities.backbone.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every string a client sends is trimmed, and a blank one means "no value", so validation and
 * storage never see stray white space; one with a NUL character (which PostgreSQL refuses in text)
 * is refused with a 400 naming its field, and so is a number, boolean, object or list where a
 * string is expected.
 */
@Singleton
public class TrimmedStrings implements ObjectMapperCustomizer {

  /** The character no text column takes. */
  public static final char NUL = '\u0000';

  /** What a field or parameter holding {@link #NUL} is told. */
  public static final String NUL_REFUSED = "must not contain NUL characters (U+0000)";

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
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        // a number, boolean, object or list where text is expected is refused, never turned into
        // text ({"name":123} is not the name "123")
        return (String) context.handleUnexpectedToken(String.class, parser);
      }
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value == null) {
        return null;
      }
      if (value.indexOf(NUL) >= 0) {
        throw InvalidFormatException.from(parser, NUL_REFUSED, value, String.class);
      }
      String trimmed = value.strip();
      return trimmed.isEmpty() ? null : trimmed;
    }
  }
}
