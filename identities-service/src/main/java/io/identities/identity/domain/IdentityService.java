package io.identities.identity.domain;

import io.identities.backbone.api.Page;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.IdentityDeleted;
import io.identities.backbone.events.InboxConnectionChanged;
import io.identities.backbone.events.LinkedInSessionConnected;
import io.identities.backbone.events.WarmupChanged;
import io.identities.backbone.outbox.Outbox;
import io.identities.backbone.problem.Problem;
import io.identities.backbone.problem.ProblemException;
import io.identities.backbone.schedule.WorkingHours;
import io.identities.backbone.tenant.TenantContext;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The identity rules. Every change is one transaction that also writes identity.created,
 * identity.updated (the whole snapshot) or identity.deleted to the outbox; an update that names a
 * version other than the current one is refused as stale.
 */
@ApplicationScoped
@Transactional
public class IdentityService {

  private final Outbox outbox;
  private final TenantContext tenant;
  private final SignatureSanitizer sanitizer;
  private final PictureNormalizer pictures;
  private final Clock clock;

  IdentityService(
      Outbox outbox,
      TenantContext tenant,
      SignatureSanitizer sanitizer,
      PictureNormalizer pictures,
      Clock clock) {
    this.outbox = outbox;
    this.tenant = tenant;
    this.sanitizer = sanitizer;
    this.pictures = pictures;
    this.clock = clock;
  }

  public Identity create(String name, ContactDetails contact) {
    return created(
        Identity.create(UUID.randomUUID(), requireName(name, contact), contact, clock.instant()));
  }

  private Identity created(Identity identity) {
    identity.persistAndFlush(); // the event carries the stored version
    outbox.publishEvent(
        EventTypes.IDENTITY_CREATED, tenant.orgId(), identity.id, identity.snapshot());
    return identity;
  }

  public Identity describe(UUID id, Long expectedVersion, String name, ContactDetails contact) {
    String required = requireName(name, contact);
    return update(id, expectedVersion, identity -> identity.describe(required, contact));
  }

  /**
   * Changes some of the name and contact details: {@code change} gets the current ones and answers
   * them changed. The same version check as {@link #describe}; the same rule for the name.
   */
  public Identity amend(UUID id, Long expectedVersion, UnaryOperator<Description> change) {
    return update(
        id,
        expectedVersion,
        identity -> {
          Description changed = change.apply(new Description(identity.name, identity.contact()));
          identity.describe(requireName(changed.name(), changed.contact()), changed.contact());
        });
  }

  /** An identity's name and contact details. */
  public record Description(String name, ContactDetails contact) {}

  public Identity configureLinkedIn(UUID id, Long expectedVersion, LinkedInSettings settings) {
    return update(
        id,
        expectedVersion,
        identity -> {
          if (settings.usesScrapings() && !identity.salesNavigator) {
            throw ProblemException.unprocessable(
                "Daily scrapings are only available for identities with Sales Navigator; "
                    + "this identity's LinkedIn account has none");
          }
          identity.linkedin = settings;
        });
  }

  public Identity configureEmail(UUID id, Long expectedVersion, EmailSettings settings) {
    if (settings.hourlyLimitPerInbox > settings.dailyLimitPerInbox) {
      throw ProblemException.invalidField("hourlyLimitPerInbox", "must not exceed the daily limit");
    }
    return update(id, expectedVersion, identity -> identity.email = settings);
  }

  /** Sets the signature, sanitized; returns the identity and what formatting was dropped. */
  public Signed sign(UUID id, Long expectedVersion, Signature.Mode mode, String html) {
    SignatureSanitizer.Sanitized sanitized = html == null ? null : sanitizer.sanitize(html, "html");
    Signature signature = new Signature();
    signature.mode = mode;
    signature.html = sanitized == null ? null : sanitized.html();
    signature.text = sanitized == null ? null : sanitized.text();
    Identity identity = update(id, expectedVersion, changed -> changed.signature = signature);
    List<String> dropped = sanitized == null ? List.of() : sanitized.dropped();
    return new Signed(
        identity,
        dropped.isEmpty()
            ? List.of()
            : List.of(
                new SettingWarning(
                    "html",
                    "Removed what email clients do not support: " + String.join(", ", dropped))));
  }

  /** A signed identity and what of its signature email clients would not have shown. */
  public record Signed(Identity identity, List<SettingWarning> warnings) {}

  public Identity schedule(UUID id, Long expectedVersion, WorkingHours hours) {
    List<Problem.FieldError> errors = hours.errors();
    if (!errors.isEmpty()) {
      throw new ProblemException(
          Status.BAD_REQUEST, "Invalid request", "The working hours are invalid", errors);
    }
    return update(
        id,
        expectedVersion,
        identity -> {
          identity.timeZone = hours.timeZone();
          identity.workingWeek = hours.week();
        });
  }

  /**
   * Takes in a LinkedIn account connected {@code at}, creating the identity when the connection
   * started from a name; an identity deleted meanwhile is left alone.
   */
  public void linkedInConnected(LinkedInSessionConnected connected, Instant at) {
    if (Identity.findByIdOptional(connected.identityId()).isPresent()) {
      update(connected.identityId(), null, identity -> identity.linkedInConnected(connected));
    } else if (connected.identityName() != null) { // the connection started from a name
      Identity identity =
          Identity.create(
              connected.identityId(),
              connected.identityName(),
              new ContactDetails(),
              clock.instant());
      identity.linkedInConnected(connected);
      created(identity);
    } else {
      return; // deleted meanwhile: nothing to follow
    }
    LinkedInConnection.connected(connected.identityId(), at, connected.rampUp());
  }

  /** Its LinkedIn session ended {@code at}: campaigns can no longer use the channel. */
  public void linkedInDisconnected(UUID identityId, Instant at) {
    if (Identity.findByIdOptional(identityId).isPresent()) {
      update(identityId, null, identity -> identity.linkedinConnected = false);
      LinkedInConnection.disconnected(identityId, at);
    }
  }

  /** Its inboxes changed: campaigns can use the email channel while one of them is connected. */
  public void inboxesChanged(InboxConnectionChanged change) {
    Identity known = Identity.<Identity>findByIdOptional(change.identityId()).orElse(null);
    if (known != null && change.inboxesVersion() > known.inboxesVersion) { // older news: ignored
      update(
          change.identityId(),
          null,
          identity -> {
            identity.emailConnected = change.connectedInboxes() > 0;
            identity.inboxesVersion = change.inboxesVersion();
          });
    }
  }

  /** Its warm-up changed (paid, completed, cancelled): the latest change is shown. */
  public void warmupChanged(WarmupChanged change) {
    Identity identity = Identity.<Identity>findByIdOptional(change.identityId()).orElse(null);
    if (identity == null
        || (identity.warmupChangedAt != null
            && !change.changedAt().isAfter(identity.warmupChangedAt))) {
      return;
    }
    update(
        change.identityId(),
        null,
        changed -> {
          changed.warmupState = change.state();
          changed.warmupEndsAt = change.endsAt();
          changed.warmupChangedAt = change.changedAt();
        });
  }

  public void delete(UUID id, Long expectedVersion) {
    Identity identity = current(id, expectedVersion);
    identity.delete();
    outbox.publishEvent(EventTypes.IDENTITY_DELETED, tenant.orgId(), id, new IdentityDeleted(id));
  }

  /** Sets the profile picture, normalized; refuses anything but a sane PNG or JPEG. */
  public IdentityPicture setPicture(UUID id, byte[] upload) {
    PictureNormalizer.Picture normalized = pictures.normalize(upload);
    Identity identity = get(id);
    IdentityPicture picture =
        IdentityPicture.<IdentityPicture>findByIdOptional(id).orElseGet(IdentityPicture::new);
    boolean isNew = picture.identityId == null;
    picture.identityId = id;
    picture.contentType = normalized.contentType();
    picture.data = normalized.data();
    picture.sha256 = sha256(normalized.data());
    picture.width = normalized.width();
    picture.height = normalized.height();
    picture.updatedAt = Instant.now();
    if (isNew) {
      picture.persist();
    }
    identity.pictureSha256 = picture.sha256;
    return picture;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public IdentityPicture picture(UUID id) {
    return IdentityPicture.<IdentityPicture>findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("Picture of identity", id));
  }

  public void removePicture(UUID id) {
    Identity identity = get(id);
    if (IdentityPicture.deleteById(id)) {
      identity.pictureSha256 = null;
    } else {
      throw ProblemException.notFound("Picture of identity", id);
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Identity get(UUID id) {
    return Identity.<Identity>findByIdOptional(id)
        .orElseThrow(() -> ProblemException.notFound("Identity", id));
  }

  /** Those of {@code ids} that are the organization's identities, in their order, once each. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<UUID> ofOrganization(List<UUID> ids) {
    Set<UUID> known =
        Set.copyOf(
            Identity.getEntityManager()
                .createQuery("select id from Identity where id in :ids", UUID.class)
                .setParameter("ids", ids)
                .getResultList());
    return ids.stream().distinct().filter(known::contains).toList();
  }

  /**
   * A page of the organization's identities that the search's filter keeps: those whose name holds
   * each word of its text, in any order (any case, accents or punctuation, see {@link SearchText}),
   * optionally only those with a connected LinkedIn account or email inbox.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public <T> Page<T> search(IdentitySearch search, Function<Identity, T> view) {
    IdentityFilter.Conditions conditions = search.filter().onEntity();
    Sort sort = search.sort();
    var query =
        conditions.where().isEmpty()
            ? Identity.<Identity>findAll(sort)
            : Identity.<Identity>find(conditions.where(), sort, conditions.parameters());
    return Page.of(query, search.page(), search.size(), view);
  }

  /**
   * The organization's identities that {@code filter} keeps, every one the search would page
   * through, as SQL for queries over them.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public IdentityIds matching(IdentityFilter filter) {
    IdentityFilter.Conditions conditions = filter.onTable();
    Map<String, Object> parameters = new HashMap<>(conditions.parameters());
    parameters.put("org", tenant.orgId());
    return new IdentityIds(
        "select id from identity where org_id = :org"
            + (conditions.where().isEmpty() ? "" : " and " + conditions.where()),
        parameters);
  }

  private Identity update(UUID id, Long expectedVersion, Consumer<Identity> change) {
    Identity identity = current(id, expectedVersion);
    change.accept(identity);
    identity.touch(clock.instant());
    Identity.flush(); // bumps the version the event carries
    outbox.publishEvent(EventTypes.IDENTITY_UPDATED, tenant.orgId(), id, identity.snapshot());
    return identity;
  }

  private Identity current(UUID id, Long expectedVersion) {
    Identity identity = get(id);
    if (expectedVersion != null && expectedVersion != identity.version) {
      throw ProblemException.staleUpdate(
          "Identity "
              + id
              + " changed since you read it (you sent version "
              + expectedVersion
              + ", it is now at "
              + identity.version
              + "); read it again and retry");
    }
    return identity;
  }

  private static String requireName(String name, ContactDetails contact) {
    if (name == null && contact.fullName() == null) {
      throw ProblemException.invalidField(
          "name", "required when neither firstName nor lastName is given");
    }
    return name;
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
