package io.identities.simulator.linkedin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One account's network as LinkedIn keeps it: its 1st-degree connections, the invitations it sent
 * (pending, accepted or withdrawn), the messages it sent, and its invitation limits. Every time is
 * the simulator's clock, passed in as {@code now}.
 *
 * <p>Members who accept by themselves ({@link Member#acceptsAfter()}) do so lazily: each read or
 * action first settles the invitations whose time has come, so the connection dates from the moment
 * they accepted. All methods are synchronized: an invitation's checks and its creation are one
 * step.
 */
final class Network {

  /** LinkedIn's default limit of invitations in any 7 days. */
  private static final int WEEKLY_INVITATION_LIMIT = 100;

  /** Invitations with a note a free account may send per calendar month (UTC). */
  private static final int FREE_NOTE_QUOTA = 5;

  private static final Duration WEEK = Duration.ofDays(7);
  private static final Duration RESEND_COOLDOWN = Duration.ofDays(21);

  private final Member self;
  private final Members members;
  private final LongSupplier invitationIds;
  private final Map<String, Instant> connections = new LinkedHashMap<>(); // member id -> createdAt
  private final List<Invitation> invitations = new ArrayList<>(); // in the order sent
  private final List<Message> messages = new ArrayList<>();
  private int weeklyInvitationLimit = WEEKLY_INVITATION_LIMIT;
  private Integer noteQuota; // null: unlimited

  /**
   * @param premium premium (Sales Navigator) accounts attach notes without a monthly quota
   * @param invitationIds LinkedIn's invitation ids, unique across accounts
   */
  Network(Member self, Members members, boolean premium, LongSupplier invitationIds) {
    this.self = self;
    this.members = members;
    this.invitationIds = invitationIds;
    this.noteQuota = premium ? null : FREE_NOTE_QUOTA;
  }

  synchronized void connect(String memberId, Instant createdAt) {
    connections.put(memberId, createdAt);
  }

  synchronized void weeklyInvitationLimit(int limit) {
    weeklyInvitationLimit = limit;
  }

  synchronized void noteQuota(int quota) {
    noteQuota = quota;
  }

  /** The account and the member: connected since, or an invitation pending, or neither. */
  synchronized Relationship relationship(String memberId, Instant now) {
    settle(now);
    return new Relationship(connections.get(memberId), pendingTo(memberId).orElse(null));
  }

  /**
   * Sends an invitation, checking what LinkedIn checks in its order: already pending or withdrawn
   * less than 3 weeks ago ({@code CANT_RESEND_YET}), already connected, not invitable (or oneself),
   * the weekly limit, the monthly quota of notes, and last an unknown member.
   *
   * @param note null or blank for none
   * @throws LinkedInError.Refused with the refusal's code
   */
  synchronized Invitation invite(String memberId, String note, Instant now) {
    settle(now);
    String message = note == null || note.isBlank() ? null : note;
    if (pendingTo(memberId).isPresent() || withdrawnSince(memberId, now.minus(RESEND_COOLDOWN))) {
      throw LinkedInError.CANT_RESEND_YET.refused();
    }
    if (connections.containsKey(memberId)) {
      throw LinkedInError.ALREADY_CONNECTED.refused();
    }
    Optional<Member> invitee = members.byId(memberId);
    if (invitee.isPresent() && (!invitee.get().invitable() || memberId.equals(self.memberId()))) {
      throw LinkedInError.CANT_INVITE.refused();
    }
    Instant weekAgo = now.minus(WEEK);
    if (invitations.stream().filter(i -> i.sentTime().isAfter(weekAgo)).count()
        >= weeklyInvitationLimit) {
      throw LinkedInError.FUSE_LIMIT_EXCEEDED.refused();
    }
    YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
    if (message != null
        && noteQuota != null
        && invitations.stream()
                .filter(i -> i.note() != null)
                .filter(i -> YearMonth.from(i.sentTime().atZone(ZoneOffset.UTC)).equals(month))
                .count()
            >= noteQuota) {
      throw LinkedInError.CUSTOM_INVITE_LIMIT_REACHED.refused();
    }
    Member to = invitee.orElseThrow(LinkedInError.PROFILE_NOT_FOUND::refused);
    Invitation invitation =
        new Invitation(
            Long.toString(invitationIds.getAsLong()),
            Tokens.alphanumeric(8),
            to.publicIdentifier(),
            to.memberId(),
            message,
            now,
            Invitation.State.PENDING,
            null);
    invitations.add(invitation);
    return invitation;
  }

  /** The member accepts the pending invitation: a 1st-degree connection from now. */
  synchronized void accept(String memberId, Instant now) {
    settle(now);
    accept(pendingTo(memberId).orElseThrow(() -> noPendingInvitation(memberId)), now);
  }

  /**
   * Withdraws a pending invitation as LinkedIn's withdraw action does, with its shared secret.
   *
   * @throws LinkedInError.Refused {@code INVITATION_NOT_FOUND} when not pending, {@code
   *     INVALID_SHARED_SECRET} for a wrong secret
   */
  synchronized void withdraw(String invitationId, String sharedSecret, Instant now) {
    settle(now);
    Invitation invitation =
        invitations.stream()
            .filter(Invitation::isPending)
            .filter(i -> i.invitationId().equals(invitationId))
            .findFirst()
            .orElseThrow(LinkedInError.INVITATION_NOT_FOUND::refused);
    if (!invitation.sharedSecret().equals(sharedSecret)) {
      throw LinkedInError.INVALID_SHARED_SECRET.refused();
    }
    replace(invitation, invitation.withdrawn(now));
  }

  /** Withdraws the pending invitation to the member, as the account does on LinkedIn itself. */
  synchronized void withdrawTo(String memberId, Instant now) {
    settle(now);
    Invitation invitation = pendingTo(memberId).orElseThrow(() -> noPendingInvitation(memberId));
    replace(invitation, invitation.withdrawn(now));
  }

  /** The pending invitations, newest first. */
  synchronized List<Invitation> pending(Instant now) {
    settle(now);
    return newestFirst(
        invitations.stream().filter(Invitation::isPending).toList(), Invitation::sentTime);
  }

  /** Every invitation sent, in the order sent. */
  synchronized List<Invitation> invitations(Instant now) {
    settle(now);
    return List.copyOf(invitations);
  }

  /** The 1st-degree connections, most recently added first. */
  synchronized List<Connection> connections(Instant now) {
    settle(now);
    return newestFirst(
        connections.entrySet().stream().map(c -> new Connection(c.getKey(), c.getValue())).toList(),
        Connection::createdAt);
  }

  /**
   * Sends a message to a 1st-degree connection; a message with an origin token already delivered is
   * not delivered again, the first one is answered.
   *
   * @throws LinkedInError.Refused {@code INVALID_RECIPIENT} for an unknown member, {@code
   *     PROFILE_NOT_ACCESSIBLE} for one outside the 1st degree
   */
  synchronized Message send(String recipientId, String text, String originToken, Instant now) {
    settle(now);
    Member to = members.byId(recipientId).orElseThrow(LinkedInError.INVALID_RECIPIENT::refused);
    if (!connections.containsKey(recipientId)) {
      throw LinkedInError.PROFILE_NOT_ACCESSIBLE.refused();
    }
    Optional<Message> delivered =
        messages.stream()
            .filter(m -> originToken != null && originToken.equals(m.originToken()))
            .findFirst();
    if (delivered.isPresent()) {
      return delivered.get();
    }
    Message message =
        new Message(
            to.publicIdentifier(),
            text,
            now,
            originToken,
            linkedInId(UUID.randomUUID()),
            linkedInId(
                UUID.nameUUIDFromBytes(
                    (self.memberId() + ":" + to.memberId()).getBytes(StandardCharsets.UTF_8))));
    messages.add(message);
    return message;
  }

  synchronized List<Message> messages() {
    return List.copyOf(messages);
  }

  /** Lets the members who accept by themselves accept, at the time they did. */
  private void settle(Instant now) {
    for (Invitation invitation : List.copyOf(invitations)) {
      if (invitation.isPending()) {
        members
            .byId(invitation.toMemberId())
            .map(Member::acceptsAfter)
            .map(invitation.sentTime()::plus)
            .filter(acceptedAt -> !acceptedAt.isAfter(now))
            .ifPresent(acceptedAt -> accept(invitation, acceptedAt));
      }
    }
  }

  private void accept(Invitation invitation, Instant at) {
    replace(invitation, invitation.accepted());
    connections.put(invitation.toMemberId(), at);
  }

  private Optional<Invitation> pendingTo(String memberId) {
    return invitations.stream()
        .filter(Invitation::isPending)
        .filter(i -> i.toMemberId().equals(memberId))
        .findFirst();
  }

  private boolean withdrawnSince(String memberId, Instant since) {
    return invitations.stream()
        .filter(i -> i.toMemberId().equals(memberId))
        .map(Invitation::withdrawnAt)
        .anyMatch(at -> at != null && at.isAfter(since));
  }

  private void replace(Invitation old, Invitation updated) {
    invitations.set(invitations.indexOf(old), updated);
  }

  /** Sorted by time, latest first; of two at the same time, the later added first. */
  private static <T> List<T> newestFirst(List<T> inOrderAdded, Function<T, Instant> time) {
    List<T> sorted = new ArrayList<>(inOrderAdded);
    Collections.reverse(sorted);
    sorted.sort(Comparator.comparing(time).reversed());
    return sorted;
  }

  private static NoSuchElementException noPendingInvitation(String memberId) {
    return new NoSuchElementException("no pending invitation to " + memberId);
  }

  /** LinkedIn's messaging ids: {@code 2-} and base64. */
  private static String linkedInId(UUID uuid) {
    return "2-"
        + Base64.getEncoder().encodeToString(uuid.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param connectedAt null: not connected
   * @param pending the invitation from the account waiting for an answer, null for none
   */
  record Relationship(Instant connectedAt, Invitation pending) {}

  record Connection(String memberId, Instant createdAt) {}
}
