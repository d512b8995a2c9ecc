package de.gemeinwerk.lorawan.ingest;

import de.gemeinwerk.lorawan.decoder.DecodedPayload;
import de.gemeinwerk.lorawan.decoder.DecoderException;
import de.gemeinwerk.lorawan.decoder.DecoderSandbox;
import de.gemeinwerk.lorawan.uplink.Uplink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * The decoded object of an uplink: the network server's, when it decoded the payload, else the device type's decoder
 * run in the sandbox. A decoder that fails, or none where one is needed, makes the uplink {@link NotProvisionable}:
 * it is kept with the decoder's message (which names line and column) until the decoder is fixed.
 */
@Component
class PayloadDecoding {

    private static final Logger log = LoggerFactory.getLogger(PayloadDecoding.class);

    private final DecoderSandbox sandbox;

    PayloadDecoding(DecoderSandbox sandbox) {
        this.sandbox = sandbox;
    }

    ObjectNode decoded(DeviceRoute route, Uplink uplink) {
        if (uplink.decoded() != null) {
            return uplink.decoded();
        }
        if (route.decoder() == null) {
            throw new NotProvisionable("the uplink arrived without a decoded payload and device type '"
                    + route.deviceTypeKey() + "' has no decoder");
        }
        try {
            DecodedPayload decoded = sandbox.decode(route.decoder(), uplink.payload(), uplink.fPort(), uplink.time());
            if (!decoded.warnings().isEmpty()) {
                log.info("the decoder of device type '{}' warns about an uplink of {}: {}", route.deviceTypeKey(),
                        uplink.devEui(), decoded.warnings());
            }
            return decoded.data();
        } catch (DecoderException e) {
            throw new NotProvisionable("the decoder of device type '" + route.deviceTypeKey() + "' failed: "
                    + e.getMessage());
        }
    }
}
