package de.gemeinwerk.lorawan.admin;

import de.gemeinwerk.lorawan.decoder.DecoderException;
import de.gemeinwerk.lorawan.decoder.DecoderSandbox;
import de.gemeinwerk.lorawan.ingest.DeviceRoutes;
import de.gemeinwerk.lorawan.registry.DeviceType;
import de.gemeinwerk.lorawan.registry.DeviceTypeInput;
import de.gemeinwerk.lorawan.registry.DeviceTypeRules;
import de.gemeinwerk.lorawan.registry.DeviceTypes;
import de.gemeinwerk.platform.error.ApiException;
import org.springframework.stereotype.Service;

/**
 * Creating and changing a tenant's device types, for the admin API and the console alike: the input is checked by
 * {@link DeviceTypeRules} and its decoder must compile and define {@code decodeUplink} (400 naming the place).
 */
@Service
public class DeviceTypeAdministration {

    private final DeviceTypes types;
    private final DeviceRoutes routes;
    private final DecoderSandbox sandbox;

    public DeviceTypeAdministration(DeviceTypes types, DeviceRoutes routes, DecoderSandbox sandbox) {
        this.types = types;
        this.routes = routes;
        this.sandbox = sandbox;
    }

    public DeviceType create(long tenantId, DeviceTypeInput input) {
        return types.create(tenantId, valid(input));
    }

    public DeviceType replace(long tenantId, long id, DeviceTypeInput input) {
        DeviceType replaced = types.replace(tenantId, id, valid(input));
        routes.invalidateAll(); // any device may use the type: its decoder changed
        return replaced;
    }

    private DeviceTypeInput valid(DeviceTypeInput input) {
        DeviceTypeInput valid = DeviceTypeRules.validate(input);
        if (valid.decoder() != null) {
            try {
                sandbox.check(valid.decoder());
            } catch (DecoderException e) {
                throw ApiException.badRequest("The decoder cannot be used: " + e.getMessage(), "/decoder");
            }
        }
        return valid;
    }
}
