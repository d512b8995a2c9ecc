-- Uplinks kept for a later decision: those of devices not registered in the tenant (until an admin adopts or
-- discards the device), and those of registered devices that could not be turned into Observations (the reason says
-- why: a decoder error, no location for the Thing). The uplink is kept normalised, so adopting replays it exactly.

create table lorawan_quarantine (
    id             bigint generated always as identity primary key,
    tenant_id      bigint      not null references tenant (id) on delete cascade,
    dev_eui        text        not null,
    network_server text        not null,
    device_name    text,
    uplink_time    timestamptz not null,
    -- quarantine.UplinkJson: the Uplink record, payload in base64
    uplink         jsonb       not null,
    -- null for an unknown device; why a registered device's uplink could not be stored otherwise
    reason         text,
    received_at    timestamptz not null default now()
);
create index lorawan_quarantine_device on lorawan_quarantine (tenant_id, dev_eui, uplink_time, id);
