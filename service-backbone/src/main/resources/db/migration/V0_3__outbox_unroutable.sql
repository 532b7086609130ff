-- A message the broker returned (no queue is bound to its routing key yet) stays pending and is
-- tried again later, less and less often, without holding up the messages behind it.
alter table outbox_message
    add column attempts        integer not null default 0,
    add column unroutable_since timestamptz,
    add column next_attempt_at timestamptz;
