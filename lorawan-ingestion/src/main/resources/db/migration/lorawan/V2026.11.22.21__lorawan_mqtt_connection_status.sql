-- The status of each MQTT connection as the instance holding it reports it every claim round (de.gemeinwerk.lorawan.mqtt
-- .MqttConnections), so that the admin API of every instance shows it, not only the holder's. Not written per uplink:
-- received and last_message_at are as of the last round.
create table lorawan_mqtt_connection_status (
    connection_id   bigint      primary key references lorawan_mqtt_connection (id) on delete cascade,
    state           text        not null,
    last_error      text,
    last_message_at timestamptz,
    received        bigint      not null,
    reported_at     timestamptz not null default now()
);
