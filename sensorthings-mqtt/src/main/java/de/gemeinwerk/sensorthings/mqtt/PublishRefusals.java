package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.platform.error.ApiException;
import io.netty.handler.codec.mqtt.MqttProperties;

/** MQTT 5's way of saying why a PUBLISH was not stored: a PUBACK reason code and a reason string. */
final class PublishRefusals {

    // MQTT 5.0, 3.4.2.1: PUBACK reason codes
    private static final byte UNSPECIFIED_ERROR = (byte) 0x80;
    private static final byte NOT_AUTHORIZED = (byte) 0x87;
    private static final byte TOPIC_NAME_INVALID = (byte) 0x90;
    private static final byte QUOTA_EXCEEDED = (byte) 0x97;
    private static final byte PAYLOAD_FORMAT_INVALID = (byte) 0x99;

    private PublishRefusals() {}

    static byte reasonCode(Throwable cause) {
        if (cause instanceof StaTopic.InvalidTopic) {
            return TOPIC_NAME_INVALID;
        }
        if (!(cause instanceof ApiException refusal)) {
            return UNSPECIFIED_ERROR;
        }
        return switch (refusal.status().value()) {
            case 401, 403 -> NOT_AUTHORIZED;
            case 400, 413, 415 -> PAYLOAD_FORMAT_INVALID;
            case 503 -> QUOTA_EXCEEDED;
            default -> UNSPECIFIED_ERROR;
        };
    }

    /** The reason as the log says it; an unexpected failure's details stay in the log. */
    static MqttProperties reason(Throwable cause) {
        MqttProperties properties = new MqttProperties();
        String reason = cause instanceof ApiException || cause instanceof StaTopic.InvalidTopic ? cause.getMessage()
                : "the Observation could not be stored";
        properties.add(new MqttProperties.StringProperty(MqttProperties.MqttPropertyType.REASON_STRING.value(), reason));
        return properties;
    }
}
