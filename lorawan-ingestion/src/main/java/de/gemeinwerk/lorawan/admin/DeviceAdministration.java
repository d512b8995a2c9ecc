package de.gemeinwerk.lorawan.admin;

import de.gemeinwerk.lorawan.ingest.DeviceRoutes;
import de.gemeinwerk.lorawan.registry.Device;
import de.gemeinwerk.lorawan.registry.DeviceRegistration;
import de.gemeinwerk.lorawan.registry.Devices;
import de.gemeinwerk.lorawan.uplink.DevEui;
import de.gemeinwerk.platform.error.ApiException;
import org.springframework.stereotype.Service;

/**
 * Registering, changing and forgetting a tenant's devices, for the admin API, the CSV import and the console alike:
 * ingest's cached view of the device is forgotten with every change (an unknown device is cached as such, too).
 */
@Service
public class DeviceAdministration {

    private final Devices devices;
    private final DeviceRoutes routes;

    public DeviceAdministration(Devices devices, DeviceRoutes routes) {
        this.devices = devices;
        this.routes = routes;
    }

    /** Registers the device the registration names (its DevEUI in either case); 409 if the tenant has it. */
    public Device register(long tenantId, DeviceRegistration registration) {
        String devEui = DevEui.normalise(registration.devEui(), "/devEui");
        Device device = devices.register(tenantId, devEui, registration);
        routes.invalidate(tenantId, devEui);
        return device;
    }

    /** Replaces a device's registration; a DevEUI in it must be the same as {@code devEui} or left out. */
    public Device replace(long tenantId, String devEui, DeviceRegistration registration) {
        String normalised = DevEui.normalise(devEui, "path");
        Device device = devices.replace(tenantId, normalised, withoutDevEui(registration, normalised));
        routes.invalidate(tenantId, normalised);
        return device;
    }

    /** Forgets the device; its Thing, Datastreams and Observations stay. */
    public void delete(long tenantId, String devEui) {
        String normalised = DevEui.normalise(devEui, "path");
        devices.delete(tenantId, normalised);
        routes.invalidate(tenantId, normalised);
    }

    /** A registration whose DevEUI comes from the path: one in the body must be the same or left out. */
    static DeviceRegistration withoutDevEui(DeviceRegistration registration, String devEui) {
        if (registration.devEui() != null && !DevEui.normalise(registration.devEui(), "/devEui").equals(devEui)) {
            throw ApiException.badRequest("The DevEUI is given by the path; leave it out of the body.", "/devEui");
        }
        return registration;
    }
}
