-- Profile pictures, normalized on upload (at most 512 px a side).
create table identity_picture (
    identity_id  uuid primary key references identity (id) on delete cascade,
    org_id       text        not null,
    content_type text        not null,
    data         bytea       not null,
    sha256       text        not null,
    width        int         not null,
    height       int         not null,
    updated_at   timestamptz not null
);

-- The current picture's hash, so a list of identities knows their pictures without a join.
alter table identity add column picture_sha256 text;
