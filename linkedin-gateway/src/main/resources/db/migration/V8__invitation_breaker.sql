-- Invitations that failed in a row for an account; past a few, its new invitations are held
-- until someone resumes them (a circuit breaker), instead of burning the account.
alter table linkedin_identity
    add column invitation_failures   int not null default 0,
    add column invitations_held_at   timestamptz;
