-- Each organization's recent attempts to connect an inbox (ConnectAttempts), within the window.
create table inbox_connect_attempt (
    org_id       text        not null,
    attempted_at timestamptz not null
);
create index inbox_connect_attempt_org on inbox_connect_attempt (org_id, attempted_at);
