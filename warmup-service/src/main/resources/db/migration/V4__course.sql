-- The warm-up's course: pauses (the ramp waits while paused, and the end moves with it), the one
-- extension of a warm-up not ready on its last day, and its readiness when it completes.
alter table warmup_order
    add column paused_at      timestamptz,
    add column paused_until   timestamptz, -- a pause for spam ends by itself then
    add column pause_kind     text,        -- SPAM or INBOX
    add column paused_seconds bigint  not null default 0,
    add column extended       boolean not null default false,
    add column ready          boolean,
    add column completed_at   timestamptz,
    add column warning        text;
create index warmup_order_running on warmup_order (ends_at) where state in ('WARMING', 'PAUSED');

-- A warm-up email the recipient's server refused for good: its sender's score counts it, and the
-- recipient's address leaves the pool.
alter table warmup_email add column bounced boolean not null default false;
alter table warmup_inbox
    add column refused_at     timestamptz,
    add column refused_reason text;
