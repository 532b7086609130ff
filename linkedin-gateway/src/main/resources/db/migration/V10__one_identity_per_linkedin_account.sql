-- A LinkedIn account acts for one identity at a time, across organizations (issue 19): only a
-- CONNECTED session holds its account (a restricted account's session is still CONNECTED); one
-- that ended, never connected or waits for its challenge does not, and a deleted identity's row is
-- gone. Identities that already share an account keep it on the one connected first; the others
-- are disconnected (their actions wait, HELD, as for any ended session), and
-- linkedin.session.disconnected tells the other services, through the outbox like any event of
-- the service.
with second_holders as (
    update linkedin_identity later
    set status = 'DISCONNECTED', sealed_session = null
    where later.status = 'CONNECTED'
      and exists (select 1 from linkedin_identity earlier
                  where earlier.member_id = later.member_id
                    and earlier.status = 'CONNECTED'
                    and (earlier.connected_at, earlier.identity_id)
                        < (later.connected_at, later.identity_id))
    returning later.identity_id, later.org_id
), event as (
    select gen_random_uuid() as id, identity_id, org_id from second_holders
)
insert into outbox_message (event_id, exchange, routing_key, envelope)
select event.id, 'identities.events', 'linkedin.session.disconnected',
       json_build_object(
           'id', event.id,
           'type', 'linkedin.session.disconnected',
           'source', '/linkedin-gateway',
           'specversion', '1.0',
           'time', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'subject', event.identity_id::text,
           'datacontenttype', 'application/json',
           'orgid', event.org_id,
           'data', json_build_object('identityId', event.identity_id,
                                     'reason', 'DISCONNECTED'))::text
from event;

create unique index linkedin_identity_account_held
    on linkedin_identity (member_id) where status = 'CONNECTED';
