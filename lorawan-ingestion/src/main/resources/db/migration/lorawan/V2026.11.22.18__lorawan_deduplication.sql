-- The network servers' identities of uplinks already stored or quarantined: a retried delivery is recognised as a
-- duplicate. Written in the same transaction as the uplink's Observations (or quarantine row), so a failed commit
-- leaves no key behind. Pruned after a while (gemeinwerk.lorawan.deduplication-window), when no retry can come.

create table lorawan_dedup_key (
    tenant_id   bigint      not null references tenant (id) on delete cascade,
    dev_eui     text        not null,
    dedup_key   text        not null,
    received_at timestamptz not null default now(),
    primary key (tenant_id, dev_eui, dedup_key)
);
create index lorawan_dedup_key_received on lorawan_dedup_key (received_at);
