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
 * Assembles the dashboard from the services, asking each as soon as it can: identities-service's
 * dashboard (the cards for the period and the one before, each identity's figures) and, at the same
 * time, its page of identities; as soon as that page is known, the other three services for those
 * identities' LinkedIn accounts, inboxes and warm-ups, while the figures are still being counted. A
 * service that does not answer leaves its part unavailable, not the page.
 */
@ApplicationScoped
public class Dashboard {

  private static final String IDENTITIES_SERVICE = "identities-service";

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
    Uni<Part<Identities.Dashboard>> figures =
        Part.of(
            IDENTITIES_SERVICE,
            identities.dashboard(
                period.from().toString(),
                period.to().toString(),
                period.zone().getId(),
                query.q(),
                query.linkedin(),
                query.email(),
                query.page(),
                DashboardQuery.PAGE_SIZE));
    Uni<Part<Listed>> listed =
        Part.of(
                IDENTITIES_SERVICE,
                identities.search(
                    query.q(),
                    query.linkedin(),
                    query.email(),
                    query.page(),
                    DashboardQuery.PAGE_SIZE))
            .flatMap(
                page ->
                    page.available()
                        ? badges(page.value()).map(badges -> new Part<>(badges, null))
                        : Uni.createFrom().item(page.map(p -> (Listed) null)));
    return Uni.combine()
        .all()
        .unis(figures, listed)
        .with(
            (counted, page) ->
                new DashboardView(
                    query,
                    counted.map(
                        d -> Card.of(d.figures(), d.previousFigures(), period.previousName())),
                    page.map(p -> p.listing(counted))));
  }

  /** What the other services know of the page's identities, asked of all three at once. */
  private Uni<Listed> badges(Identities.Page page) {
    List<UUID> ids = page.items().stream().map(Identities.Identity::id).toList();
    if (ids.isEmpty()) {
      return Uni.createFrom()
          .item(
              new Listed(
                  page,
                  new Part<>(Map.of(), null),
                  new Part<>(Map.of(), null),
                  new Part<>(Map.of(), null)));
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
        .with((a, i, w) -> new Listed(page, a, i, w));
  }

  private static <T, V> Map<UUID, V> byIdentity(
      List<T> items, Function<T, UUID> identity, Function<T, V> value) {
    return items.stream().collect(Collectors.toMap(identity, value, (a, b) -> a));
  }

  /** A page of identities with what the gateways answered of them. */
  private record Listed(
      Identities.Page page,
      Part<Map<UUID, LinkedIn.Account>> accounts,
      Part<Map<UUID, List<Inbox>>> inboxes,
      Part<Map<UUID, WarmupService.Warmup>> warmups) {

    /** The rows, each with its own figures from identities-service's dashboard. */
    Listing listing(Part<Identities.Dashboard> counted) {
      Part<Map<UUID, Figures>> figures =
          counted.map(
              d ->
                  byIdentity(
                      d.identityFigures(),
                      Figures.OfIdentity::identityId,
                      Figures.OfIdentity::figures));
      return Listing.of(
          page,
          page.items().stream()
              .map(
                  identity ->
                      new IdentityRow(
                          identity,
                          accounts.map(all -> IdentityRow.linkedin(all.get(identity.id()))),
                          inboxes.map(
                              all ->
                                  all.getOrDefault(identity.id(), List.of()).stream()
                                      .map(IdentityRow::inbox)
                                      .toList()),
                          warmups.map(all -> IdentityRow.warmup(all.get(identity.id()))),
                          figures.map(all -> all.get(identity.id()))))
              .toList());
    }
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
