package de.gemeinwerk.lorawan.registry;

import java.util.List;

/**
 * A kind of device: its payload decoder and which decoded fields become Datastreams. Belongs to a tenant, or to
 * none (shipped with Gemeinwerk); a {@code shared} type is usable, read-only, by every tenant.
 *
 * @param owner   the owning tenant's slug; null for a built-in type
 * @param decoder JavaScript source with {@code decodeUplink(input)}; for a built-in type the shipped decoder's
 *                source; null when the type has none (its uplinks must arrive decoded by the network server)
 */
public record DeviceType(long id, String key, String name, String description, String owner, boolean shared,
                         String decoder, List<DatastreamEntry> datastreams) {
}
