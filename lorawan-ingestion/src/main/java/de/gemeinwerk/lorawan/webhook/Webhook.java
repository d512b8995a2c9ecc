package de.gemeinwerk.lorawan.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;

/**
 * A webhook a tenant registered for a network server.
 *
 * @param path   where the network server posts, e.g. {@code /musterstadt/lorawan/v1/chirpstack}
 * @param secret only in the answer that created it; never stored, never shown again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Webhook(long id, String name, String networkServer, String path, String secret,
                      OffsetDateTime createdAt) {
}
