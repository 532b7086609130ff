-- The identity's email warm-up as warmup-service announces it (warmup.* events).
alter table identity
    add column warmup_state      text,
    add column warmup_ends_at    timestamptz,
    add column warmup_changed_at timestamptz;
