-- Periodic work on many items (an inbox to read, a session to check) is shared among a service's
-- replicas: a replica does an item's work only while it holds the item's lease, and a lease taken
-- is not taken again, by any replica, before it runs out; a stopped replica's leases run out too.
create table lease (
    work       text        not null,
    item       uuid        not null,
    holder     text        not null,
    held_until timestamptz not null,
    primary key (work, item)
);
create index lease_age on lease (held_until);
