-- identities-service keeps the share links and spends each once, whichever page spends it (issue
-- 19): this gateway spends a link there with a claim of its own, the same for every sign-in with
-- the link on this gateway, so spending it again after a lost answer is not a second use.
alter table share_link add column spending_claim uuid not null default gen_random_uuid();
