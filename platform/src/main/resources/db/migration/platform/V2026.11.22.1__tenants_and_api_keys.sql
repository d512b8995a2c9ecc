-- Tenants (municipalities) and the API keys that act for them or for the whole instance.

create table tenant (
    id            bigint generated always as identity primary key,
    slug          text        not null unique check (slug ~ '^[a-z0-9-]{2,40}$'),
    name          text        not null,
    private_reads boolean     not null default false,
    created_at    timestamptz not null default now()
);

create table api_key (
    id           bigint generated always as identity primary key,
    -- null for instance-level keys
    tenant_id    bigint references tenant (id) on delete cascade,
    name         text        not null,
    -- SHA-256 of the full key; the key itself is never stored
    key_hash     bytea       not null unique,
    role         text        not null check (role in ('read', 'write', 'admin')),
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create index api_key_tenant_id_idx on api_key (tenant_id);
