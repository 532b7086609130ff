-- Dashboard counters, fed by the gateways' events: one row per quarter hour with activity, for the
-- organization and for each identity (see ActivityCounters).
create table org_activity (
    org_id               text        not null,
    bucket               timestamptz not null,
    invitations_sent     int         not null default 0,
    invitations_accepted int         not null default 0,
    messages_sent        int         not null default 0,
    emails_sent          int         not null default 0,
    emails_replied       int         not null default 0,
    emails_bounced       int         not null default 0,
    primary key (org_id, bucket)
);

create table identity_activity (
    org_id               text        not null,
    identity_id          uuid        not null,
    bucket               timestamptz not null,
    invitations_sent     int         not null default 0,
    invitations_accepted int         not null default 0,
    messages_sent        int         not null default 0,
    emails_sent          int         not null default 0,
    emails_replied       int         not null default 0,
    emails_bounced       int         not null default 0,
    primary key (org_id, identity_id, bucket)
);
