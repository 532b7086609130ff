-- The identities' invitations, as the gateway sent them and as LinkedIn's own sent-invitations
-- list shows them (invitations sent by hand on LinkedIn included), until accepted or withdrawn.
create table linkedin_invitation (
    id                uuid primary key,    -- the invitation action's id, or a new one for one sent by hand
    org_id            text        not null,
    identity_id       uuid        not null references linkedin_identity (identity_id) on delete cascade,
    linkedin_id       text,                -- LinkedIn's invitation id
    shared_secret     text,                -- what withdrawing it takes (from LinkedIn's list)
    member_id         text,
    public_identifier text,
    first_name        text,
    last_name         text,
    note              text,
    sent_at           timestamptz not null,
    sent_by_hand      boolean     not null default false,
    status            text        not null, -- PENDING, ACCEPTED, WITHDRAWN, GONE
    accepted_at       timestamptz,
    withdrawn_at      timestamptz,
    unique (identity_id, linkedin_id)
);
create index linkedin_invitation_pending on linkedin_invitation (identity_id, sent_at) where status = 'PENDING';

-- When each account's invitations are next compared with LinkedIn's (a lease: the instance that
-- moves it on does the check).
alter table linkedin_identity add column invitations_checked_at timestamptz;

-- A withdrawal action's invitation.
alter table linkedin_action add column invitation_id uuid references linkedin_invitation (id) on delete cascade;
