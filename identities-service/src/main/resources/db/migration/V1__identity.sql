create table identity (
    id                        uuid primary key,
    org_id                    text        not null,
    name                      text        not null,
    daily_connection_requests int         not null,
    daily_messages            int         not null,
    version                   bigint      not null,
    created_at                timestamptz not null,
    updated_at                timestamptz not null
);
create index identity_org_name on identity (org_id, name, id);
