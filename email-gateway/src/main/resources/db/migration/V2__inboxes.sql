-- What the gateway keeps of each identity's email settings and working hours (identity.* events).
alter table email_identity
    add column daily_limit_per_inbox  int  not null default 30,
    add column hourly_limit_per_inbox int  not null default 5,
    add column signature_html         text,
    add column signature_text         text,
    add column time_zone              text not null default 'UTC',
    add column working_week           text not null default '{}';

-- The inboxes connected to identities. An address is connected once per organization. The
-- credentials are sealed (AES-GCM, see SecretCipher) and null while disconnected; an inbox is kept
-- after its identity is deleted only as long as the identity's replica (cascade).
create table inbox (
    id                 uuid primary key,
    org_id             text        not null,
    identity_id        uuid        not null references email_identity (identity_id) on delete cascade,
    address            text        not null,
    provider           text        not null,
    smtp_host          text        not null,
    smtp_port          int         not null,
    smtp_security      text        not null,
    imap_host          text        not null,
    imap_port          int         not null,
    imap_security      text        not null,
    username           text        not null,
    sealed_credentials text,
    status             text        not null,
    status_reason      text,
    connected_at       timestamptz,
    created_at         timestamptz not null
);
create unique index inbox_address_per_organization on inbox (org_id, address);
create index inbox_of_identity on inbox (identity_id);
