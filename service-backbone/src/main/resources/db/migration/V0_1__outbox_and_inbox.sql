-- Shared by every service (from service-backbone): the transactional outbox and the idempotent inbox.

create table outbox_message (
    position     bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    exchange     text        not null,
    routing_key  text        not null,
    envelope     text        not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_message_pending on outbox_message (position) where published_at is null;

create table processed_event (
    event_id     uuid primary key,
    type         text        not null,
    processed_at timestamptz not null default now()
);
create index processed_event_age on processed_event (processed_at);
