package io.identities.backbone.api;

import io.identities.backbone.problem.ProblemException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A page of identities asked for by id in one query parameter (a dashboard's bulk reads): each
 * value of the parameter one id or several separated by commas, 1 to {@value #MAX} in all, each a
 * UUID as written. Anything else is a 400 problem naming the parameter.
 */
public final class IdentityIdList {

  /** A dashboard's page of identities at most. */
  public static final int MAX = 100;

  /** A UUID as written ({@link UUID#fromString} alone also takes forms such as "1-2-3-4-5"). */
  private static final Pattern UUID_FORM =
      Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

  private IdentityIdList() {}

  /** The ids of {@code parameter}'s {@code values}, in the order given, each once. */
  public static List<UUID> parse(String parameter, List<String> values) {
    List<String> ids =
        values.stream()
            .flatMap(value -> Arrays.stream(value.split(",")))
            .map(String::strip)
            .filter(id -> !id.isEmpty())
            .toList();
    if (ids.isEmpty()) {
      throw ProblemException.invalidField(
          parameter, "give 1 to " + MAX + " identity ids, comma-separated or repeated");
    }
    if (ids.size() > MAX) {
      throw ProblemException.invalidField(
          parameter, "at most " + MAX + " identity ids, got " + ids.size());
    }
    Set<UUID> parsed = new LinkedHashSet<>();
    for (String id : ids) {
      if (!UUID_FORM.matcher(id).matches()) {
        throw ProblemException.invalidField(
            parameter, "'" + id + "' is not an identity id (a UUID)");
      }
      parsed.add(UUID.fromString(id));
    }
    return List.copyOf(parsed);
  }
}
