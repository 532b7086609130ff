-- A seed inbox's answer to a warm-up email belongs to no warm-up order (the seed pool has none).
alter table warmup_email alter column order_id drop not null;
