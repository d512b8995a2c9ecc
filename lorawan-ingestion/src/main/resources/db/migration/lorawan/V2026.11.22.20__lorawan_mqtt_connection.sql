-- The network servers' MQTT brokers Gemeinwerk subscribes to for a tenant's uplinks (de.gemeinwerk.lorawan.mqtt).
-- The broker password is needed in clear to connect, so it cannot be hashed: it is sealed by platform.secrets.SecretBox
-- (AES-256-GCM, key outside the database) with the tenant as context, so it does not open in another tenant's row.
create table lorawan_mqtt_connection (
    id              bigint generated always as identity primary key,
    tenant_id       bigint      not null references tenant (id) on delete cascade,
    name            text        not null,
    network_server  text        not null check (network_server in ('chirpstack', 'the-things-stack')),
    uri             text        not null,
    username        text,
    password_sealed text,
    application_id  text        not null,
    -- PEM of a CA to trust in addition to the JVM's trust store (a broker with a private CA)
    ca_certificate  text,
    enabled         boolean     not null default true,
    created_at      timestamptz not null default now()
);

create index lorawan_mqtt_connection_tenant_id_idx on lorawan_mqtt_connection (tenant_id);
