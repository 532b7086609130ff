-- Replica of each identity (from identity.* events).
create table warmup_identity (
    identity_id      uuid primary key,
    org_id           text        not null,
    name             text        not null,
    identity_version bigint      not null,
    updated_at       timestamptz not null
);
