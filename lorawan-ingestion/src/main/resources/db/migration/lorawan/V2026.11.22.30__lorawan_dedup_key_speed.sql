-- Every uplink inserts a deduplication key; two things made that cost more than it must:
-- - the keys are opaque identifiers, so they are compared byte by byte (collation "C") instead of by the database's
--   language rules (a strcoll per comparison in the primary key's index);
-- - the foreign key to tenant checked each inserted key with a query of its own (a per-row trigger). Keys are only
--   written for a tenant the request has just looked up, and are pruned after the deduplication window anyway.
alter table lorawan_dedup_key drop constraint lorawan_dedup_key_tenant_id_fkey;
alter table lorawan_dedup_key alter column dev_eui type text collate "C", alter column dedup_key type text collate "C";
