package de.gemeinwerk.lorawan.mqtt;

import java.time.Instant;

/**
 * How a connection is doing on this instance, for the admin API.
 *
 * @param state         {@code connected} (subscribed), {@code connecting} (trying, or waiting to try again), or
 *                      {@code failed} (the broker or Gemeinwerk refuses the settings — wrong credentials, untrusted
 *                      certificate, topic not allowed — so retrying alone will hardly help; it retries anyway, slowly,
 *                      in case the broker side is fixed)
 * @param lastError     what went wrong last, in words, or null
 * @param lastMessageAt when the last message arrived, or null
 * @param received      messages received since this instance opened the connection (redeliveries included)
 */
public record ConnectionStatus(String state, String lastError, Instant lastMessageAt, long received) {

    static final String CONNECTED = "connected";
    static final String CONNECTING = "connecting";
    static final String FAILED = "failed";
}
