package io.identities.email.sending;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The attachment types an email may carry, each checked against the file's first bytes, so a file
 * cannot pass for a type it is not. Anything else is refused.
 */
final class Attachments {

  static final int MAX_COUNT = 10;
  static final int MAX_TOTAL_BYTES = 10 * 1024 * 1024;

  private static final Predicate<byte[]> ZIP = startsWith(new byte[] {'P', 'K', 3, 4});
  private static final Predicate<byte[]> TEXT = bytes -> true;

  private static final Map<String, Predicate<byte[]>> TYPES =
      Map.ofEntries(
          Map.entry("application/pdf", startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII))),
          Map.entry("image/png", startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'})),
          Map.entry("image/jpeg", startsWith(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})),
          Map.entry("image/gif", startsWith("GIF8".getBytes(StandardCharsets.US_ASCII))),
          Map.entry("text/plain", TEXT),
          Map.entry("text/csv", TEXT),
          Map.entry("text/calendar", TEXT),
          Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
          Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP));

  private Attachments() {}

  /** What is wrong with a file declared as {@code contentType}, if anything. */
  static Optional<String> problem(String contentType, byte[] content) {
    Predicate<byte[]> looksRight = TYPES.get(contentType);
    if (looksRight == null) {
      return Optional.of(
          "type " + contentType + " is not allowed; allowed: " + String.join(", ", TYPES.keySet()));
    }
    if (!looksRight.test(content)) {
      return Optional.of("the content is not a " + contentType + " file");
    }
    return Optional.empty();
  }

  private static Predicate<byte[]> startsWith(byte[] magic) {
    return bytes ->
        bytes.length >= magic.length && Arrays.equals(Arrays.copyOf(bytes, magic.length), magic);
  }
}
