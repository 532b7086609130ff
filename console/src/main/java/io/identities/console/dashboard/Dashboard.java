package io.identities.console.dashboard;

import io.identities.console.services.EmailGateway;
import io.identities.console.services.EmailGateway.Inbox;
import io.identities.console.services.Figures;
import io.identities.console.services.Identities;
import io.identities.console.services.IdentitiesService;
import io.identities.console.services.LinkedIn;
import io.identities.console.services.LinkedInGateway;
import io.identities.console.services.WarmupService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Assembles the dashboard from the services in two waves: identities-service's dashboard (the cards
 * for the period and the one before, the page of identities, their figures), then, for those
 * identities, their LinkedIn accounts, inboxes and warm-ups, asked of the three other services at
 * once. A service that does not answer leaves its part unavailable, not the page.
 */
@ApplicationScoped
public class Dashboard {

  private final IdentitiesService identities;
  private final LinkedInGateway linkedin;
  private final EmailGateway email;
  private final WarmupService warmup;

  Dashboard(
      @RestClient IdentitiesService identities,
      @RestClient LinkedInGateway linkedin,
      @RestClient EmailGateway email,
      @RestClient WarmupService warmup) {
    this.identities = identities;
    this.linkedin = linkedin;
    this.email = email;
    this.warmup = warmup;
  }

  /** The whole dashboard for {@code query}. */
  public Uni<DashboardView> load(DashboardQuery query) {
    DashboardPeriod period = query.period();
    return Part.of(
            "identities-service",
            identities.dashboard(
                period.from().toString(),
                period.to().toString(),
                period.zone().getId(),
                query.q(),
                query.linkedin(),
                query.email(),
                query.page(),
                DashboardQuery.PAGE_SIZE))
        .flatMap(
            answer ->
                answer.available()
                    ? listing(answer.value())
                        .map(
                            listing ->
                                new DashboardView(
                                    query,
                                    answer.map(
                                        d ->
                                            Card.of(
                                                d.figures(),
                                                d.previousFigures(),
                                                period.previousName())),
                                    listing))
                    : Uni.createFrom()
                        .item(
                            new DashboardView(
                                query, answer.map(d -> null), answer.map(d -> null))));
  }

  /** The page's rows, each with what the other services know of its identity. */
  private Uni<Part<Listing>> listing(Identities.Dashboard dashboard) {
    Identities.Page page = dashboard.identities();
    Map<UUID, Figures> figures =
        byIdentity(
            dashboard.identityFigures(),
            Figures.OfIdentity::identityId,
            Figures.OfIdentity::figures);
    List<UUID> ids = page.items().stream().map(Identities.Identity::id).toList();
    if (ids.isEmpty()) {
      return Uni.createFrom().item(new Part<>(Listing.of(page, List.of()), null));
    }
    Uni<Part<Map<UUID, LinkedIn.Account>>> accounts =
        Part.of(
            "linkedin-gateway",
            linkedin
                .accounts(ids)
                .map(answer -> byIdentity(answer.items(), LinkedIn.Account::identityId, a -> a)));
    Uni<Part<Map<UUID, List<Inbox>>>> inboxes =
        Part.of(
            "email-gateway",
            email
                .inboxes(ids)
                .map(
                    answer ->
                        answer.items().stream().collect(Collectors.groupingBy(Inbox::identityId))));
    Uni<Part<Map<UUID, WarmupService.Warmup>>> warmups =
        Part.of(
            "warmup-service",
            warmup
                .warmups(ids)
                .map(
                    answer ->
                        byIdentity(answer.items(), WarmupService.Warmup::identityId, w -> w)));
    return Uni.combine()
        .all()
        .unis(accounts, inboxes, warmups)
        .with(
            (a, i, w) ->
                new Part<>(
                    Listing.of(
                        page,
                        page.items().stream()
                            .map(
                                identity ->
                                    new IdentityRow(
                                        identity,
                                        a.map(all -> IdentityRow.linkedin(all.get(identity.id()))),
                                        i.map(
                                            all ->
                                                all.getOrDefault(identity.id(), List.of()).stream()
                                                    .map(IdentityRow::inbox)
                                                    .toList()),
                                        w.map(all -> IdentityRow.warmup(all.get(identity.id()))),
                                        new Part<>(figures.get(identity.id()), null)))
                            .toList()),
                    null));
  }

  private static <T, V> Map<UUID, V> byIdentity(
      List<T> items, Function<T, UUID> identity, Function<T, V> value) {
    return items.stream().collect(Collectors.toMap(identity, value, (a, b) -> a));
  }

  /** A page of the list: its rows, where it is, and how many identities there are in all. */
  public record Listing(List<IdentityRow> rows, int page, int pages, long total) {

    static Listing of(Identities.Page page, List<IdentityRow> rows) {
      int pages =
          (int)
              Math.max(1, (page.total() + DashboardQuery.PAGE_SIZE - 1) / DashboardQuery.PAGE_SIZE);
      return new Listing(rows, page.page(), pages, page.total());
    }

    public boolean hasPrevious() {
      return page > 0;
    }

    public boolean hasNext() {
      return page + 1 < pages;
    }
  }
}
