-- Warm-up emails warmup-service asked for: sent from one of the gateway's inboxes to a pool
-- address, then looked for in the recipient's mailbox. Not a tenant table: the recipient's inbox
-- belongs to another organization, and its reader finds what it expects here by address.
create table warmup_mail (
    id           uuid primary key,   -- warmup-service's id of the email
    org_id       text        not null, -- the sender's organization, which its events are for
    inbox_id     uuid        not null references inbox (id) on delete cascade,
    recipient    text        not null,
    subject      text        not null,
    body         text        not null,
    in_reply_to  text,
    thread_references text,
    important    boolean     not null,
    token        text        not null unique,
    message_id   text        not null unique,
    status       text        not null, -- QUEUED, SENDING, SENT, FAILED, RECEIVED
    status_reason text,
    queued_at    timestamptz not null,
    claimed_at   timestamptz,
    sent_at      timestamptz,
    received_at  timestamptz,
    placement    text
);
create index warmup_mail_queued on warmup_mail (queued_at) where status = 'QUEUED';
create index warmup_mail_expected on warmup_mail (lower(recipient)) where status = 'SENT';
