-- A connection may start from a name and create the identity (spec 2A, Option A).
alter table linkedin_handshake add column new_identity_name text;
