-- While an identity's inboxes warm up (warmup.started until warmup.completed/cancelled), its
-- campaign sends are held; the latest warm-up change is kept, whatever order events arrive in.
alter table email_identity
    add column warming_up        boolean not null default false,
    add column warmup_changed_at timestamptz;
