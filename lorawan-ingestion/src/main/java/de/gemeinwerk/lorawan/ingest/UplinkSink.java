package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.uplink.Uplink;

import java.util.concurrent.CompletableFuture;

/**
 * Where every receiver (webhooks, MQTT subscriptions, the demo fleet) hands a parsed uplink. The future completes
 * only when the outcome is durable (committed): a receiver acknowledges to the network server — HTTP 2xx, MQTT
 * PUBACK — only then. It completes exceptionally when the uplink could not be stored (database unavailable,
 * overloaded); the receiver then answers 503 or does not acknowledge, so the network server retries.
 */
public interface UplinkSink {

    CompletableFuture<IngestOutcome> submit(long tenantId, Uplink uplink);
}
