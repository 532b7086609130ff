-- The version of the identity's inboxes that email_connected reflects (email.inbox.* events).
alter table identity add column inboxes_version bigint not null default 0;
