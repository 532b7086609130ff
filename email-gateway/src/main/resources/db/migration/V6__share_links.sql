-- Update share links (identity.share-link.created with an identity): their owner reconnects a
-- disconnected inbox by entering its password again. Only the token's hash is kept; not
-- tenant-filtered (the page has no token of the platform), the row says whose it is.
create table email_share_link (
    id                uuid primary key,
    org_id            text        not null,
    token_hash        text        not null unique,
    identity_id       uuid        not null references email_identity (identity_id) on delete cascade,
    organization_name text        not null,
    invited_by        text,
    expires_at        timestamptz not null,
    used_at           timestamptz
);
