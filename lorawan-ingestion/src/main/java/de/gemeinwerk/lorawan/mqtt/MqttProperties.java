package de.gemeinwerk.lorawan.mqtt;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Timing of the connections to the network servers' brokers.
 *
 * @param reconnectMin   wait before the first attempt after a lost connection; doubled after each failed attempt
 * @param reconnectMax   the longest wait between attempts
 * @param refusedPause   wait before reconnecting after the ingest could not store an uplink (database down,
 *                       overloaded): the broker then redelivers what was not acknowledged, by which time the cause
 *                       may be gone — and a pause takes load off rather than adding it
 * @param connectTimeout how long a connect or subscribe may take
 * @param claimInterval  how often an instance looks for connections nobody holds (created on another instance, or
 *                       held by one that stopped) and for connections deleted on another instance
 */
@ConfigurationProperties("gemeinwerk.lorawan.mqtt")
public record MqttProperties(@DefaultValue("1s") Duration reconnectMin, @DefaultValue("60s") Duration reconnectMax,
                             @DefaultValue("10s") Duration refusedPause, @DefaultValue("15s") Duration connectTimeout,
                             @DefaultValue("15s") Duration claimInterval) {

    /** The wait before the attempt after {@code failedAttempts} failed ones. */
    Duration backoff(int failedAttempts) {
        Duration wait = reconnectMin.multipliedBy(1L << Math.min(failedAttempts, 20));
        return wait.compareTo(reconnectMax) > 0 ? reconnectMax : wait;
    }
}
