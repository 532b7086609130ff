-- The LinkedIn session of each identity (cookies sealed) and the handshakes waiting for a code.
alter table linkedin_identity
    add column sealed_session            text,
    add column profile_first_name        text,
    add column profile_last_name         text,
    add column profile_headline          text,
    add column profile_public_identifier text,
    add column sales_navigator           boolean not null default false,
    add column connected_at              timestamptz,
    add column last_checked_at           timestamptz;

create table linkedin_handshake (
    id             uuid primary key,
    org_id         text        not null,
    identity_id    uuid        not null,
    status         text        not null,
    challenge_type text        not null,
    hint           text        not null,
    attempts_left  int         not null,
    sealed_login   text,
    expires_at     timestamptz not null,
    created_at     timestamptz not null
);
create index linkedin_handshake_identity on linkedin_handshake (identity_id);
