-- Where the spam that counts for a warm-up's safeguard starts: the end of its last pause for spam
-- (the spam that paused it has had its effect and does not pause it again).
alter table warmup_order add column spam_counts_from timestamptz;
