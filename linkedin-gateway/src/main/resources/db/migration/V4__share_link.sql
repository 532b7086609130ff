-- Share links (spec 2C and the update link), known from identity.share-link.created: only the
-- token's hash is kept. A link is claimed while one browser signs in with it, and spent when
-- the connection it was made for completes.
create table share_link (
    id                uuid primary key,
    org_id            text        not null,
    token_hash        text        not null unique,
    identity_id       uuid,
    identity_name     text,
    organization_name text        not null,
    invited_by        text,
    expires_at        timestamptz not null,
    created_at        timestamptz not null,
    claimed_until     timestamptz,
    handshake_id      uuid,
    used_at           timestamptz
);

alter table linkedin_handshake add column share_link_id uuid references share_link (id);
