-- An instance operator's failed logins are counted once for all tenants' consoles (tenant_id null), not once per
-- tenant, which would give a guesser one budget per tenant.
alter table staff_login_failure drop constraint staff_login_failure_pkey;
alter table staff_login_failure alter column tenant_id drop not null;
create unique index staff_login_failure_key_idx on staff_login_failure (coalesce(tenant_id, 0), login, address);
