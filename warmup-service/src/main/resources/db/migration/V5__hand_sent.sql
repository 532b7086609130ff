-- Emails sent by hand from the identity's inboxes during its warm-up (email-gateway saw them).
alter table warmup_order add column hand_sent int not null default 0;
