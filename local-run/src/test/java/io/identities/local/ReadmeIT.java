package io.identities.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The README stays true: the commands of its "Run it" walk-throughs run as written, in order, in
 * one shell (as a reader pastes them into one terminal), with the dev token the run printed, on a
 * local run of their own (its ports shifted; the commands' ports are shifted alike). Each {@code
 * curl} must answer without an HTTP error; like a reader, the shell tries a command again for a
 * while when what it needs has not happened yet (an event still on its way, an email not arrived).
 */
class ReadmeIT {

  private static final int OFFSET = 20_000;
  private static final LocalPlatform PLATFORM =
      new LocalPlatform(OFFSET, "_readme", "identities-readme", Map.of());
  private static final Pattern BLOCK = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern PORT =
      Pattern.compile("((?:localhost|127\\.0\\.0\\.1):|\"port\":)(\\d{4})\\b");

  /** A reader's curl: the answer of the first try without an HTTP error, within three minutes. */
  private static final String READER =
      """
      set -euo pipefail
      curl() {
        local out; out=$(mktemp)
        for _ in $(seq 180); do
          if command curl --fail-with-body --max-time 10 -o "$out" "$@"; then
            cat "$out"; echo >&2; return 0
          fi
          sleep 1
        done
        echo "README command kept failing: curl $*" >&2; cat "$out" >&2; return 1
      }
      """;

  @AfterAll
  static void stop() {
    PLATFORM.stop();
  }

  @Test
  void shouldRunTheWalkThroughsAsWritten() throws Exception {
    String token = PLATFORM.startedToken();
    List<String> commands = walkThroughCommands(Files.readString(Path.of("../README.md")));
    assertTrue(commands.size() >= 5, "the walk-throughs were found: " + commands.size());

    ProcessBuilder reader =
        new ProcessBuilder("bash", "-c", READER + String.join("\n", commands))
            .redirectErrorStream(true);
    reader.environment().put("TOKEN", token);
    Process shell = reader.start();
    shell.getOutputStream().close();
    String transcript;
    try (var in = shell.getInputStream()) {
      transcript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(shell.waitFor(15, TimeUnit.MINUTES));
    System.out.println(transcript);
    assertEquals(0, shell.exitValue(), () -> "a README command failed:\n" + transcript);
    assertTrue(
        Pattern.compile("(?im)^X-Identities-Warmup: \\S+").matcher(transcript).find(),
        () -> "the warm-up email's headers were printed, as the README says:\n" + transcript);
  }

  /** The shell blocks of the "Run it" section, but the run command itself, ports shifted. */
  private static List<String> walkThroughCommands(String readme) {
    int from = readme.indexOf("## Run it");
    String section = readme.substring(from, readme.indexOf("\n## ", from + 1));
    List<String> blocks = new ArrayList<>();
    Matcher block = BLOCK.matcher(section);
    while (block.find()) {
      if (!block.group(1).startsWith("local-run/run")) {
        blocks.add(shifted(block.group(1)));
      }
    }
    return blocks;
  }

  private static String shifted(String commands) {
    return PORT.matcher(commands)
        .replaceAll(
            port ->
                Matcher.quoteReplacement(
                    port.group(1) + (Integer.parseInt(port.group(2)) + OFFSET)));
  }
}
