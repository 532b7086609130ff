-- Each identity's outbound proxy, through which all its LinkedIn traffic goes: a country of the
-- configured pool, or an address of its own (credentials sealed).
alter table linkedin_identity
    add column proxy_country            text,
    add column proxy_url                text,
    add column sealed_proxy_credentials text;
