package de.gemeinwerk.sensorthings.mqtt;

import de.gemeinwerk.sensorthings.api.ServerSettingsContribution;
import tools.jackson.core.JsonGenerator;

import java.net.URI;
import java.util.List;

/**
 * The MQTT conformance classes in the service root, each with the broker's endpoint
 * ({@code "…/create-observations-via-mqtt/observations-creation": {"endpoints": ["mqtt://host:1883"]}}, as
 * SensorThings 1.1 lets a service name them) — only while the broker listens. The host is the one the client reached
 * the service under (or {@code gemeinwerk.public-url}'s).
 */
final class MqttServerSettings implements ServerSettingsContribution {

    static final String CREATE = "http://www.opengis.net/spec/iot_sensing/1.1/req/create-observations-via-mqtt/observations-creation";
    static final String RECEIVE = "http://www.opengis.net/spec/iot_sensing/1.1/req/receive-updates-via-mqtt/receive-updates";

    private final MqttBroker broker;

    MqttServerSettings(MqttBroker broker) {
        this.broker = broker;
    }

    @Override
    public List<String> conformance() {
        return broker.port() < 0 ? List.of() : List.of(CREATE, RECEIVE);
    }

    @Override
    public void writeSettings(JsonGenerator g, String serviceRoot) {
        int port = broker.port();
        if (port < 0) {
            return;
        }
        String endpoint = "mqtt://" + URI.create(serviceRoot).getHost() + ":" + port;
        for (String conformanceClass : conformance()) {
            g.writeName(conformanceClass);
            g.writeStartObject();
            g.writeName("endpoints");
            g.writeStartArray();
            g.writeString(endpoint);
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
