-- Each change of an identity's inboxes (connected, disconnected, paused) counts up, under the
-- identity's row lock: email.inbox.* events carry it, so their readers apply them in order. Not
-- mapped: only InboxEvents writes it, with one atomic update.
alter table email_identity add column inboxes_version bigint not null default 0;
