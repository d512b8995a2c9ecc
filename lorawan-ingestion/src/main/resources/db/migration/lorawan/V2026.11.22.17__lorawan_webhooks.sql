-- Webhooks a tenant registered for its network servers; each has its own secret, kept only as a SHA-256 hash (the
-- secret is 256 random bits, as an API key, so a fast hash is the right one).

create table lorawan_webhook (
    id             bigint generated always as identity primary key,
    tenant_id      bigint      not null references tenant (id) on delete cascade,
    name           text        not null,
    network_server text        not null check (network_server in ('chirpstack', 'the-things-stack')),
    secret_hash    bytea       not null unique,
    created_at     timestamptz not null default now()
);
create index lorawan_webhook_tenant on lorawan_webhook (tenant_id, id);
