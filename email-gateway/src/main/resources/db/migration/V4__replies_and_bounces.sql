-- Replies and bounces: each inbox's INBOX is read incrementally, by UID.
alter table inbox
    add column imap_uid_validity bigint not null default 0,
    add column imap_last_uid     bigint not null default 0,
    add column last_polled_at    timestamptz;

-- A lead replied to a step of a sequence: counted once per lead and step.
create table email_reply (
    id            uuid primary key,
    org_id        text        not null,
    identity_id   uuid        not null references email_identity (identity_id) on delete cascade,
    lead_id       uuid        not null,
    campaign_id   uuid,
    sequence_step int         not null,
    send_id       uuid        not null references email_send (id) on delete cascade,
    received_at   timestamptz not null
);
create unique index email_reply_once_per_step on email_reply
    (identity_id, lead_id, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'), sequence_step);
create index email_send_message_id_of_identity on email_send (identity_id, message_id);
