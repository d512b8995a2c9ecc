package de.gemeinwerk.lorawan.uplink;

/** A position reported with an uplink (WGS 84; altitude in metres, may be missing). */
public record UplinkLocation(double latitude, double longitude, Double altitude) {
}
