-- The identity's working hours: warm-up mail goes out inside them, like its campaigns.
alter table warmup_identity
    add column time_zone    text not null default 'UTC',
    add column working_week text not null default '{}';

-- Each warming inbox's days, planned once (whichever planner inserts the row plans the day).
create table warmup_day (
    inbox_id   uuid        not null,
    day        date        not null, -- in the identity's time zone
    org_id     text        not null,
    order_id   uuid        not null,
    day_number int         not null, -- 1 on the day the warm-up started
    target     int         not null,
    planned_at timestamptz not null,
    primary key (inbox_id, day)
);

-- Warm-up emails, planned as slots of a day and filled when due: a reply owed to the inbox, or a
-- new thread to its planned partner. Across organizations (a recipient is another organization's
-- inbox, or one of the seed pool), so org_id is the sender's and no tenant filter.
create table warmup_email (
    id                 uuid primary key,
    org_id             text        not null,
    order_id           uuid        not null,
    sender_inbox_id    uuid        not null,
    day                date        not null,
    due_at             timestamptz not null,
    status             text        not null, -- PLANNED, REQUESTED, SENT, FAILED, SKIPPED
    status_reason      text,
    recipient_inbox_id uuid        not null,
    recipient_org_id   text        not null,
    subject            text,
    thread_depth       int         not null default 1,
    answers_id         uuid,        -- the warm-up email this one answers
    important          boolean     not null default false,
    reply_wanted       boolean     not null default false,
    replied_by         uuid,
    message_id         text,
    thread_references  text,
    requested_at       timestamptz,
    sent_at            timestamptz,
    placement          text,        -- INBOX or SPAM, where the recipient's provider put it
    landed_at          timestamptz
);
create index warmup_email_due on warmup_email (due_at) where status = 'PLANNED';
create index warmup_email_owed on warmup_email (recipient_inbox_id, landed_at)
    where reply_wanted and replied_by is null and landed_at is not null;
create index warmup_email_sender on warmup_email (sender_inbox_id, day);
create index warmup_email_pairs on warmup_email (sender_inbox_id, recipient_inbox_id, due_at);
