-- When the order's latest warmup.* announcement happened: each next one is later, so the latest
-- wins at every follower even when two changes come within one tick of the clock.
alter table warmup_order add column announced_at timestamptz;
