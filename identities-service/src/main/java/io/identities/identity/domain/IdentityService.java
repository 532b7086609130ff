package io.identities.identity.domain;

import io.identities.backbone.api.Page;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.tenant.TenantContext;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Function;

/** The identity rules; every change is published through the outbox in its own transaction. */
@ApplicationScoped
@Transactional
public class IdentityService {

  private final Outbox outbox;
  private final TenantContext tenant;

  IdentityService(Outbox outbox, TenantContext tenant) {
    this.outbox = outbox;
    this.tenant = tenant;
  }

  public Identity create(String name) {
    Identity identity = Identity.named(name);
    identity.persistAndFlush(); // the event carries the stored version
    outbox.publishEvent(
        EventTypes.IDENTITY_CREATED, tenant.orgId(), identity.id, identity.snapshot());
    return identity;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Identity get(UUID id) {
    return Identity.<Identity>findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("Identity", id));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public <T> Page<T> list(int page, int size, Function<Identity, T> view) {
    return Page.of(Identity.findAll(Sort.by("name").and("id")), page, size, view);
  }
}
