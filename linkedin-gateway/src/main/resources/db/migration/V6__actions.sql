-- LinkedIn actions (invitations, messages, profile visits), queued and run under each identity's
-- limits, working hours and pacing.

-- What the replica now keeps of the identity's settings (from identity.* snapshots), and what the
-- gateway learns of the account while acting for it.
alter table linkedin_identity
    add column daily_scrapings         int,
    add column auto_withdraw           boolean     not null default false,
    add column withdraw_after_days     int         not null default 7,
    add column time_zone               text        not null default 'UTC',
    add column working_week            text        not null default
        '{"MONDAY":[{"start":"09:00","end":"18:00"}],"TUESDAY":[{"start":"09:00","end":"18:00"}],"WEDNESDAY":[{"start":"09:00","end":"18:00"}],"THURSDAY":[{"start":"09:00","end":"18:00"}],"FRIDAY":[{"start":"09:00","end":"18:00"}]}',
    add column member_id               text,        -- the account's own LinkedIn member id
    add column first_connected_at      timestamptz, -- the ramp-up counts from here
    add column next_action_at          timestamptz, -- pacing: no action of the account before
    add column throttled_until         timestamptz, -- LinkedIn asked it to slow down (429/999)
    add column throttle_strikes        int         not null default 0,
    add column invitations_blocked_until timestamptz, -- LinkedIn's weekly invitation limit
    add column note_quota_until        timestamptz, -- the free account's notes are used up
    add column restricted_at           timestamptz;
update linkedin_identity set first_connected_at = connected_at;

create table linkedin_action (
    id                 uuid primary key,    -- the caller's id: the same id twice is one action
    org_id             text        not null,
    identity_id        uuid        not null references linkedin_identity (identity_id) on delete cascade,
    kind               text        not null, -- INVITATION, MESSAGE, PROFILE_VISIT
    person             text        not null, -- as given: a profile URL or a member id
    note               text,
    allow_without_note boolean     not null default false,
    text               text,
    status             text        not null, -- QUEUED, RUNNING, DONE, FAILED, HELD
    status_reason      text,
    held_for           text,                 -- SESSION, RESTRICTED: what releases it
    not_before         timestamptz not null, -- the slot it waits for
    reserved_at        timestamptz,          -- it took a slot of its kind (the limits count these)
    from_pool          boolean     not null default false, -- a scraping from the organization's pool
    attempts           int         not null default 0,
    failure_code       text,
    failure_message    text,
    failure_until      timestamptz,          -- COOLDOWN: when the person may be invited again
    result             text,                 -- JSON, by kind
    created_at         timestamptz not null,
    started_at         timestamptz,
    finished_at        timestamptz,
    queue_position     bigserial   not null
);
create index linkedin_action_due on linkedin_action (not_before, identity_id) where status = 'QUEUED';
create index linkedin_action_identity on linkedin_action (identity_id, status);
create index linkedin_action_reservations on linkedin_action (identity_id, reserved_at) where reserved_at is not null;
create index linkedin_action_pool on linkedin_action (org_id, reserved_at) where from_pool;

-- People an identity may not invite again yet: withdrawn by the gateway, or refused by LinkedIn
-- (CANT_RESEND_YET). Keyed by member id and by public profile name, whichever is known.
create table linkedin_invitation_cooldown (
    id          uuid primary key,
    org_id      text        not null,
    identity_id uuid        not null references linkedin_identity (identity_id) on delete cascade,
    member_id   text,
    public_identifier text,
    ends_at     timestamptz not null,
    reason      text        not null
);
create index linkedin_invitation_cooldown_person on linkedin_invitation_cooldown (identity_id, member_id);
create index linkedin_invitation_cooldown_name on linkedin_invitation_cooldown (identity_id, public_identifier);
