-- Shared by every service (from service-backbone): identities known to be deleted. A snapshot of
-- one that arrives late (a redelivered identity.updated) must not bring its replica back.
create table identity_tombstone (
    identity_id uuid primary key,
    deleted_at  timestamptz not null default now()
);
