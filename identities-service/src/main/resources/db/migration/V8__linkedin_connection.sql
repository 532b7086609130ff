-- When each identity's LinkedIn account was connected (linkedin.session.connected) and until when
-- (linkedin.session.disconnected), with the ramp-up of its limits the connection carried: what the
-- dashboard's "messages possible" counts.
create table linkedin_connection (
    id              uuid primary key,
    org_id          text        not null,
    identity_id     uuid        not null references identity (id) on delete cascade,
    connected_at    timestamptz not null,
    disconnected_at timestamptz,
    ramp_starts_on  date,
    ramp_days       int,
    check ((ramp_starts_on is null) = (ramp_days is null))
);
create index linkedin_connection_identity on linkedin_connection (org_id, identity_id, connected_at);

-- Accounts connected before their connections were kept: connected since the identity was created
-- (the earliest they can have been), with no ramp-up known.
insert into linkedin_connection (id, org_id, identity_id, connected_at)
select gen_random_uuid(), org_id, id, created_at from identity where linkedin_connected;
