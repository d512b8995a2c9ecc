package de.gemeinwerk.lorawan.uplink;

/** The LoRaWAN network servers whose integration formats Gemeinwerk reads, unmodified. */
public enum NetworkServer {
    /** ChirpStack v4: HTTP integration ({@code ?event=up}) and MQTT integration, lowerCamelCase JSON. */
    CHIRPSTACK,
    /** The Things Stack v3 (TTN, TTI): webhooks and MQTT server, snake_case JSON. */
    THE_THINGS_STACK
}
