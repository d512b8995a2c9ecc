-- How long a tenant keeps its Observations (by phenomenonTime), applied by a scheduled job (README, "Retention").
-- A row without datastream_id is the tenant's default; a row with one overrides it for that Datastream, where a
-- null keep_days means "keep forever" (exempt from the default).
create table sta_retention_policy (
    tenant_id     bigint  not null references tenant (id) on delete cascade,
    datastream_id bigint  references sta_datastream (id) on delete cascade,
    keep_days     integer check (keep_days > 0),
    check (keep_days is not null or datastream_id is not null)
);
create unique index sta_retention_policy_tenant on sta_retention_policy (tenant_id) where datastream_id is null;
create unique index sta_retention_policy_datastream on sta_retention_policy (datastream_id)
    where datastream_id is not null;
