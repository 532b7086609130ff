package io.identities.console.dashboard;

import io.identities.console.services.ServiceProblem;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * What one service contributed to a page: its answer, or why it is missing (the service is down),
 * so the page shows that part as unavailable and the rest as usual.
 *
 * @param value the answer, null when unavailable
 * @param unavailable what to tell the user instead, null when the answer is there
 */
public record Part<T>(T value, String unavailable) {

  private static final Logger LOG = Logger.getLogger(Part.class);

  public boolean available() {
    return unavailable == null;
  }

  public <R> Part<R> map(Function<T, R> mapper) {
    return available() ? new Part<>(mapper.apply(value), null) : new Part<>(null, unavailable);
  }

  /** {@code call}'s answer as a part; a failure of {@code service} makes it unavailable. */
  public static <T> Uni<Part<T>> of(String service, Uni<T> call) {
    return call.map(value -> new Part<T>(value, null))
        .onFailure()
        .recoverWithItem(
            failure -> {
              if (failure instanceof ServiceProblem problem) {
                return new Part<>(null, service + ": " + problem.message());
              }
              LOG.warnf("%s is unavailable: %s", service, failure.toString());
              return new Part<>(null, service + " is not answering right now");
            });
  }
}
