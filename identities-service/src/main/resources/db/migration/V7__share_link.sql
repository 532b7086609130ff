-- The share links this service made, kept so that each is spent once, whichever page spends it
-- (POST /share-links/spending). Found by its token's hash before anyone knows the organization.
create table share_link (
    id          uuid primary key,
    org_id      text        not null,
    token_hash  text        not null unique,
    identity_id uuid,
    expires_at  timestamptz not null,
    spent_at    timestamptz,
    claim       text,
    spent_on    text
);
