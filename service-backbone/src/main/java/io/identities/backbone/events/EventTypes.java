package io.identities.backbone.events;

import java.util.Set;

/** Event and command types; each is also the routing key it travels with. */
public final class EventTypes {

  /** A new identity; data: {@link IdentitySnapshot}. */
  public static final String IDENTITY_CREATED = "identity.created";

  /** An identity's details or settings changed; data: {@link IdentitySnapshot}, the whole of it. */
  public static final String IDENTITY_UPDATED = "identity.updated";

  /** An identity was deleted; data: {@link IdentityDeleted}. */
  public static final String IDENTITY_DELETED = "identity.deleted";

  /**
   * Command to identities-service: announce every identity again as identity.updated (each
   * service's replica takes what is newer than its own); data: {@link SnapshotsWanted}. Sent by a
   * service that starts with an empty replica, e.g. one added to a running platform.
   */
  public static final String IDENTITY_SNAPSHOTS_ANNOUNCE = "identity.snapshots.announce";

  /**
   * A share link was made for an outsider to connect an account; data: {@link ShareLinkCreated}.
   */
  public static final String IDENTITY_SHARE_LINK_CREATED = "identity.share-link.created";

  /**
   * A share link was used, by whichever page spent it: the other pages refuse it from now on; data:
   * {@link ShareLinkSpent}.
   */
  public static final String IDENTITY_SHARE_LINK_SPENT = "identity.share-link.spent";

  /** An identity's LinkedIn account got connected; data: {@link LinkedInSessionConnected}. */
  public static final String LINKEDIN_SESSION_CONNECTED = "linkedin.session.connected";

  /** An identity's LinkedIn session ended; data: {@link LinkedInSessionDisconnected}. */
  public static final String LINKEDIN_SESSION_DISCONNECTED = "linkedin.session.disconnected";

  /** Command to email-gateway: send an email for an identity; data: {@link SendEmail}. */
  public static final String EMAIL_SEND = "email.send";

  /** An inbox got connected to an identity; data: {@link InboxConnectionChanged}. */
  public static final String EMAIL_INBOX_CONNECTED = "email.inbox.connected";

  /** An inbox stopped sending (disconnected or paused); data: {@link InboxConnectionChanged}. */
  public static final String EMAIL_INBOX_DISCONNECTED = "email.inbox.disconnected";

  /**
   * A lead's emails cannot go out (the inbox its sequence started on was disconnected); data:
   * {@link LeadErrored}.
   */
  public static final String EMAIL_LEAD_ERRORED = "email.lead.errored";

  /**
   * An errored lead can be written to again (its inbox is connected again, or it was moved to
   * another); data: {@link LeadErrored} with the lead's inbox now and no reason.
   */
  public static final String EMAIL_LEAD_RESOLVED = "email.lead.resolved";

  /**
   * Command to linkedin-gateway: invite a person to connect, with an optional note; data: {@link
   * LinkedInCommands.SendInvitation}. The command's id is the action's (and the invitation's).
   */
  public static final String LINKEDIN_INVITATION_SEND = "linkedin.invitation.send";

  /**
   * Command to linkedin-gateway: message a 1st-degree connection; data: {@link
   * LinkedInCommands.SendMessage}.
   */
  public static final String LINKEDIN_MESSAGE_SEND = "linkedin.message.send";

  /**
   * Command to linkedin-gateway: read a person's profile; data: {@link
   * LinkedInCommands.VisitProfile}.
   */
  public static final String LINKEDIN_PROFILE_VISIT = "linkedin.profile.visit";

  /** A person's profile was read; data: {@link ActivityEvents.ProfileVisited}. */
  public static final String LINKEDIN_PROFILE_VISITED = "linkedin.profile.visited";

  /** A LinkedIn action ended without doing its work; data: {@link LinkedInActionFailed}. */
  public static final String LINKEDIN_ACTION_FAILED = "linkedin.action.failed";

  /**
   * LinkedIn restricted an identity's account: its actions are held; data: {@link
   * LinkedInAccountRestricted}.
   */
  public static final String LINKEDIN_ACCOUNT_RESTRICTED = "linkedin.account.restricted";

  /** A connection request went out; data: {@link ActivityEvents.InvitationSent}. */
  public static final String LINKEDIN_INVITATION_SENT = "linkedin.invitation.sent";

  /** A connection request was accepted; data: {@link ActivityEvents.InvitationAccepted}. */
  public static final String LINKEDIN_INVITATION_ACCEPTED = "linkedin.invitation.accepted";

  /** A pending invitation was withdrawn; data: {@link LinkedInInvitationWithdrawn}. */
  public static final String LINKEDIN_INVITATION_WITHDRAWN = "linkedin.invitation.withdrawn";

  /** A LinkedIn message went out; data: {@link ActivityEvents.LinkedInMessageSent}. */
  public static final String LINKEDIN_MESSAGE_SENT = "linkedin.message.sent";

  /** An email went out; data: {@link ActivityEvents.EmailSent}. */
  public static final String EMAIL_SENT = "email.sent";

  /** A lead replied to an email; data: {@link ActivityEvents.EmailReplied}. */
  public static final String EMAIL_REPLIED = "email.replied";

  /** An email bounced; data: {@link ActivityEvents.EmailBounced}. */
  public static final String EMAIL_BOUNCED = "email.bounced";

  /**
   * An identity's warm-up was paid for and runs: campaigns sending through its inboxes pause until
   * it ends; data: {@link WarmupChanged}.
   */
  public static final String WARMUP_STARTED = "warmup.started";

  /**
   * An identity's warm-up ran its course: campaigns may send again; data: {@link WarmupChanged}.
   */
  public static final String WARMUP_COMPLETED = "warmup.completed";

  /**
   * An identity's warm-up was cancelled (before or after payment): campaigns may send again; data:
   * {@link WarmupChanged}.
   */
  public static final String WARMUP_CANCELLED = "warmup.cancelled";

  /**
   * An identity's warm-up waits (see the reason: its inbox disconnected, or too much landed in
   * spam): its campaigns stay held; data: {@link WarmupChanged}.
   */
  public static final String WARMUP_PAUSED = "warmup.paused";

  /** A paused warm-up runs again, its end moved by the pause; data: {@link WarmupChanged}. */
  public static final String WARMUP_RESUMED = "warmup.resumed";

  /**
   * A warm-up not ready on its last day runs on (once), its end moved; data: {@link WarmupChanged}.
   */
  public static final String WARMUP_EXTENDED = "warmup.extended";

  /** The warm-up changes an identity's followers act on. */
  public static final Set<String> WARMUP_CHANGES =
      Set.of(
          WARMUP_STARTED,
          WARMUP_PAUSED,
          WARMUP_RESUMED,
          WARMUP_EXTENDED,
          WARMUP_COMPLETED,
          WARMUP_CANCELLED);

  /** The warm-up changes after which the identity's campaigns send again. */
  public static final Set<String> WARMUP_ENDS = Set.of(WARMUP_COMPLETED, WARMUP_CANCELLED);

  /**
   * Command to email-gateway: send one warm-up email from an inbox (warmup-service's plan); data:
   * {@link WarmupEmails.Send}. The command's id is the email's.
   */
  public static final String WARMUP_EMAIL_SEND = "warmup.email.send";

  /** A warm-up email was handed to the inbox's SMTP server; data: {@link WarmupEmails.Sent}. */
  public static final String WARMUP_EMAIL_SENT = "warmup.email.sent";

  /** A warm-up email could not be sent; data: {@link WarmupEmails.Failed}. */
  public static final String WARMUP_EMAIL_FAILED = "warmup.email.failed";

  /**
   * A warm-up email was found in its recipient's mailbox, in the inbox or in spam, and tidied away;
   * data: {@link WarmupEmails.Received}.
   */
  public static final String WARMUP_EMAIL_RECEIVED = "warmup.email.received";

  /**
   * While its identity warms up, an inbox's Sent folder got mail the gateway did not send; data:
   * {@link InboxSentByHand}.
   */
  public static final String EMAIL_INBOX_SENT_BY_HAND = "email.inbox.sent-by-hand";

  /** Every identity.* event, for bindings. */
  public static final String IDENTITY_ALL = "identity.*";

  private EventTypes() {}
}
