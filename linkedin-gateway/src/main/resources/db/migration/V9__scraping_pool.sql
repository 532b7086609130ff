-- Each organization's pool of Sales Navigator scrapings a day, shared by its identities (spec
-- "Daily scrapings": the identity's own on top of the pool); organizations without a row have the
-- configured default.
create table linkedin_scraping_pool (
    org_id          text primary key,
    daily_scrapings int         not null,
    updated_at      timestamptz not null
);
