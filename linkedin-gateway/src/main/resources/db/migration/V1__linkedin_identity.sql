-- Replica of each identity (from identity.* events) and its LinkedIn session state.
create table linkedin_identity (
    identity_id               uuid primary key,
    org_id                    text        not null,
    name                      text        not null,
    daily_connection_requests int         not null,
    daily_messages            int         not null,
    status                    text        not null,
    identity_version          bigint      not null,
    updated_at                timestamptz not null
);
