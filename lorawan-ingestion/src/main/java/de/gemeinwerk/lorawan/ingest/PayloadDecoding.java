package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.uplink.Uplink;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The decoded object of an uplink: the network server's, when it decoded the payload, else the device type's decoder
 * run here. A decoder that fails, or none where one is needed, makes the uplink {@link NotProvisionable}.
 */
@Component
class PayloadDecoding {

    ObjectNode decoded(DeviceRoute route, Uplink uplink) {
        if (uplink.decoded() != null) {
            return uplink.decoded();
        }
        if (route.decoder() == null) {
            throw new NotProvisionable("the uplink arrived without a decoded payload and device type '"
                    + route.deviceTypeKey() + "' has no decoder");
        }
        throw new NotProvisionable("decoding payloads in Gemeinwerk is not available yet");
    }
}
