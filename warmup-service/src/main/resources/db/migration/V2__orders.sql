-- The identities' inboxes, replicated from email.inbox.connected / email.inbox.disconnected.
create table warmup_inbox (
    inbox_id    uuid primary key,
    org_id      text        not null,
    identity_id uuid        not null,
    address     text        not null,
    status      text        not null,
    changed_at  timestamptz not null
);
create index warmup_inbox_identity on warmup_inbox (identity_id);

-- Warm-up orders: what was bought, its payment, and where the warm-up stands.
create table warmup_order (
    id                  uuid primary key,
    org_id              text        not null,
    identity_id         uuid        not null,
    idempotency_key     text        not null,
    state               text        not null,
    state_reason        text,
    amount_cents        bigint      not null,
    currency            text        not null,
    checkout_id         text unique,
    checkout_url        text,
    checkout_expires_at timestamptz,
    payment_id          text unique,
    refund_id           text,
    refund_requested_at timestamptz,
    created_at          timestamptz not null,
    paid_at             timestamptz,
    started_at          timestamptz,
    ends_at             timestamptz,
    first_email_at      timestamptz,
    cancelled_at        timestamptz,
    refunded_at         timestamptz,
    version             bigint      not null default 0,
    unique (org_id, idempotency_key)
);
-- One order at a time per identity, also when two requests race
create unique index warmup_order_one_active on warmup_order (identity_id)
    where state in ('PENDING_PAYMENT', 'WARMING', 'PAUSED');

-- The payment provider's events already acted on: the same event twice changes nothing.
create table warmup_payment_event (
    event_id    text primary key,
    type        text        not null,
    received_at timestamptz not null
);
