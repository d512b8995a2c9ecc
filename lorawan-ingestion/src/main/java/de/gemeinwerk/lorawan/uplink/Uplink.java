package de.gemeinwerk.lorawan.uplink;

import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One uplink of an end device, the same whichever network server delivered it and however (HTTP or MQTT).
 * Everything downstream — deduplication, the device registry, decoding, SensorThings Observations, the
 * quarantine — works on this record only.
 *
 * @param networkServer  which network server's format it came in
 * @param devEui         the device EUI as 16 lowercase hex digits (ChirpStack writes it lowercase, TTS uppercase)
 * @param deviceName     the network server's name or id of the device (ChirpStack {@code deviceName}, TTS
 *                       {@code device_id}); may be null
 * @param time           when the uplink was received: gateway time where the network server has it, else the
 *                       network server's receive time
 * @param fCnt           the uplink frame counter; null when not sent (TTS omits 0)
 * @param fPort          the application port; null when not sent (TTS omits 0; a MAC-only frame has none)
 * @param payload        the application payload as sent (ChirpStack {@code data}, TTS {@code frm_payload});
 *                       empty, never null, when there is none
 * @param decoded        the object the network server's payload decoder made of it (ChirpStack {@code object},
 *                       TTS {@code decoded_payload}); null when it sent none — then Gemeinwerk decodes
 * @param deduplicationKey the network server's identity of this uplink: the same uplink delivered twice (a
 *                       webhook retry, HTTP and MQTT both configured) carries the same key
 * @param receptions     the gateways that heard it; may be empty
 * @param location       a position sent with the uplink, or null
 */
public record Uplink(NetworkServer networkServer, String devEui, String deviceName, Instant time, Long fCnt,
                     Integer fPort, byte[] payload, ObjectNode decoded, String deduplicationKey,
                     List<RadioReception> receptions, UplinkLocation location)
        implements NetworkServerMessage {

    /** LoRaWAN frame counters are 32 bits wide (the 16-bit FCnt on air is extended by the network server). */
    public static final long MAX_F_CNT = 0xFFFF_FFFFL;

    public Uplink {
        Objects.requireNonNull(networkServer, "networkServer");
        Objects.requireNonNull(devEui, "devEui");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(deduplicationKey, "deduplicationKey");
        payload = payload == null ? new byte[0] : payload;
        receptions = receptions == null ? List.of() : List.copyOf(receptions);
    }
}
