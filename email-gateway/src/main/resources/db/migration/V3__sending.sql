-- Sending: every email to send, from the email.send command (or the API) until it is sent. A send
-- takes its inbox's capacity when it is reserved (reserved_at): the daily and hourly limits count
-- the reservations of each inbox.
alter table inbox
    add column last_used_at  timestamptz,
    add column auth_failures int not null default 0;

create table email_send (
    id              uuid primary key,          -- the command's id: a second delivery finds it
    org_id          text        not null,
    identity_id     uuid        not null references email_identity (identity_id) on delete cascade,
    lead_id         uuid        not null,
    campaign_id     uuid,
    sequence_step   int         not null,
    recipient       text        not null,
    subject         text        not null,
    html_body       text,
    text_body       text,
    reply_to_thread boolean     not null,
    follow_up       boolean     not null,      -- the lead is already in a sequence: goes first
    status          text        not null,
    status_reason   text,
    not_before      timestamptz not null,      -- the next slot it may go out in
    attempts        int         not null default 0,
    inbox_id        uuid references inbox (id),
    message_id      text unique,
    in_reply_to     text,
    message_references text,
    reserved_at     timestamptz,
    sent_at         timestamptz,
    created_at      timestamptz not null
);
create index email_send_due on email_send (follow_up desc, not_before, created_at) where status = 'QUEUED';
create index email_send_reservations on email_send (inbox_id, reserved_at) where reserved_at is not null;
create index email_send_thread on email_send (identity_id, lead_id, campaign_id, sent_at);

create table email_attachment (
    id           uuid    primary key,
    send_id      uuid    not null references email_send (id) on delete cascade,
    position     int     not null,
    filename     text    not null,
    content_type text    not null,
    content      bytea   not null,
    unique (send_id, position)
);

-- Sticky assignment: every email to a lead goes from the inbox its sequence started on.
create table lead_assignment (
    id             uuid primary key,
    org_id         text        not null,
    identity_id    uuid        not null references email_identity (identity_id) on delete cascade,
    lead_id        uuid        not null,
    inbox_id       uuid        not null references inbox (id),
    errored_reason text,
    assigned_at    timestamptz not null,
    unique (identity_id, lead_id)
);
