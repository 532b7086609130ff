-- The order sends were queued in: equal slots go out first come, first served, even when their
-- timestamps are equal.
alter table email_send add column queue_position bigserial not null;
drop index email_send_due;
create index email_send_due on email_send (identity_id, follow_up desc, not_before, queue_position) where status = 'QUEUED';
