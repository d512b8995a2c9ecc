package de.gemeinwerk.lorawan.admin;

import de.gemeinwerk.lorawan.quarantine.Adoption;
import de.gemeinwerk.lorawan.quarantine.Quarantine;
import de.gemeinwerk.lorawan.quarantine.QuarantinedDevice;
import de.gemeinwerk.lorawan.registry.DeviceRegistration;
import de.gemeinwerk.lorawan.uplink.DevEui;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.json.StrictJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The tenant's quarantine: uplinks of unknown devices, and of registered ones that could not become Observations
 * (with the reason). Adopt registers a device and turns its kept uplinks into Observations; replay retries those of a
 * registered device after its cause was fixed; delete discards them. Needs an admin key of the tenant.
 */
@RestController
@RequestMapping("/{tenant}/admin/v1/lorawan/quarantine")
public class QuarantineAdminController {

    private final Quarantine quarantine;
    private final Adoption adoption;
    private final TenantAccess access;
    private final StrictJson json;

    public QuarantineAdminController(Quarantine quarantine, Adoption adoption, TenantAccess access, StrictJson json) {
        this.quarantine = quarantine;
        this.adoption = adoption;
        this.access = access;
        this.json = json;
    }

    @GetMapping
    List<QuarantinedDevice> list(@PathVariable("tenant") String tenantSlug, HttpServletRequest request) {
        return quarantine.devices(access.authorize(tenantSlug, request, Role.ADMIN).id());
    }

    @PostMapping(path = "/{devEui}/adopt", consumes = MediaType.APPLICATION_JSON_VALUE)
    Adoption.Adopted adopt(@PathVariable("tenant") String tenantSlug, @PathVariable String devEui,
                           @RequestBody byte[] body, HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        String normalised = DevEui.normalise(devEui, "path");
        DeviceRegistration registration = DeviceAdminController.withoutDevEui(
                json.read(body, DeviceRegistration.class), normalised);
        return adoption.adopt(tenantId, normalised, registration);
    }

    @PostMapping("/{devEui}/replay")
    Adoption.Adopted replay(@PathVariable("tenant") String tenantSlug, @PathVariable String devEui,
                            HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        return adoption.replay(tenantId, DevEui.normalise(devEui, "path"));
    }

    @DeleteMapping("/{devEui}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(@PathVariable("tenant") String tenantSlug, @PathVariable String devEui, HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        quarantine.discard(tenantId, DevEui.normalise(devEui, "path"));
    }
}
