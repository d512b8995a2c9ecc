package de.gemeinwerk.lorawan.uplink;

/**
 * What a network server sent, once parsed: an {@link Uplink} (it becomes Observations) or a {@link DeviceEvent}
 * that Gemeinwerk recognises but does not store (joins, status, downlink acknowledgements, …). Receivers switch
 * over it; anything not recognised never gets this far, it is a 400.
 */
public sealed interface NetworkServerMessage permits Uplink, DeviceEvent {
}
