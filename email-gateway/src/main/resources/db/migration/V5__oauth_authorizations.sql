-- OAuth 2.0 authorizations on their way (authorization code with PKCE): the browser comes back to
-- the public callback with the state, known here only by its hash; the PKCE verifier is sealed.
-- Not tenant-filtered: the callback has no token, the row says whose it is.
create table oauth_authorization (
    id              uuid primary key,
    org_id          text        not null,
    identity_id     uuid        not null references email_identity (identity_id) on delete cascade,
    provider        text        not null,
    state_hash      text        not null unique,
    sealed_verifier text        not null,
    expires_at      timestamptz not null,
    used_at         timestamptz,
    created_at      timestamptz not null
);
