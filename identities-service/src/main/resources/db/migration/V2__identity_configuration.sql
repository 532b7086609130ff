-- Contact details, LinkedIn and email settings, signature, working hours, channels, and search.
alter table identity
    add column search_name         text    not null default '',
    add column first_name          text,
    add column last_name           text,
    add column job_title           text,
    add column email               text,
    add column linkedin_url        text,
    add column meeting_url         text,
    add column phone               text,
    add column daily_scrapings     int,
    add column auto_withdraw       boolean not null default false,
    add column withdraw_after_days int     not null default 7,
    add column email_daily_limit   int     not null default 30,
    add column email_hourly_limit  int     not null default 5,
    add column signature_mode      text    not null default 'RICH_TEXT',
    add column signature_html      text,
    add column signature_text      text,
    add column time_zone           text    not null default 'UTC',
    add column working_week        text    not null default
        '{"MONDAY":[{"start":"09:00","end":"18:00"}],"TUESDAY":[{"start":"09:00","end":"18:00"}],"WEDNESDAY":[{"start":"09:00","end":"18:00"}],"THURSDAY":[{"start":"09:00","end":"18:00"}],"FRIDAY":[{"start":"09:00","end":"18:00"}]}',
    add column sales_navigator     boolean not null default false,
    add column linkedin_connected  boolean not null default false,
    add column email_connected     boolean not null default false;

update identity set search_name = lower(name);

-- Partial, case- and accent-insensitive name search: trigrams over the normalized name.
create extension if not exists pg_trgm;
create index identity_search on identity using gin (search_name gin_trgm_ops);
