-- Where each inbox's Sent folder was read to while its identity warms up (mail sent by hand).
alter table inbox
    add column sent_uid_validity bigint,
    add column sent_last_uid     bigint;
