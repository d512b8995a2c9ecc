-- Staff accounts of the admin console, their server-side sessions, the throttling of failed logins, and each
-- tenant's logo (shown on its portal, set in its console).

create table staff_account (
    id            bigint generated always as identity primary key,
    -- null for an instance operator, who may enter every tenant's console
    tenant_id     bigint references tenant (id) on delete cascade,
    login         text        not null check (login ~ '^[a-z0-9._@-]{2,100}$'),
    display_name  text        not null,
    -- self-describing (algorithm, parameters, salt, hash): see platform.accounts.PasswordHashes
    password_hash text        not null,
    role          text        not null default 'admin' check (role in ('read', 'write', 'admin')),
    disabled      boolean     not null default false,
    created_at    timestamptz not null default now(),
    last_login_at timestamptz
);

-- a login is unique per tenant, and among the instance operators
create unique index staff_account_login_idx on staff_account (coalesce(tenant_id, 0), login);

create table staff_session (
    -- SHA-256 of the cookie's token; the token itself is never stored
    token_hash   bytea primary key,
    account_id   bigint      not null references staff_account (id) on delete cascade,
    -- the account's tenant (null for an instance operator), kept here so every look-up is scoped without a join
    tenant_id    bigint references tenant (id) on delete cascade,
    csrf_token   text        not null,
    created_at   timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    -- the absolute end; the idle end is last_seen_at plus the idle timeout
    expires_at   timestamptz not null
);

create index staff_session_account_idx on staff_session (account_id);

-- failed logins per tenant, login name (known or not) and client address
create table staff_login_failure (
    tenant_id       bigint      not null references tenant (id) on delete cascade,
    login           text        not null,
    address         text        not null,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    primary key (tenant_id, login, address)
);

create table tenant_logo (
    tenant_id    bigint primary key references tenant (id) on delete cascade,
    media_type   text        not null check (media_type in ('image/png', 'image/jpeg', 'image/webp', 'image/svg+xml')),
    content      bytea       not null,
    updated_at   timestamptz not null default now()
);
