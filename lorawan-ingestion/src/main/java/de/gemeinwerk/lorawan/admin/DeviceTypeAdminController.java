package de.gemeinwerk.lorawan.admin;

import de.gemeinwerk.lorawan.registry.DeviceType;
import de.gemeinwerk.lorawan.registry.DeviceTypeInput;
import de.gemeinwerk.lorawan.registry.DeviceTypes;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Device types: the tenant's own (read-write), the shared ones of other tenants and the built-in ones (read-only).
 * Needs an admin key of the tenant.
 */
@RestController
@RequestMapping("/{tenant}/admin/v1/lorawan/device-types")
public class DeviceTypeAdminController {

    private final DeviceTypes types;
    private final DeviceTypeAdministration administration;
    private final TenantAccess access;
    private final StrictJson json;

    public DeviceTypeAdminController(DeviceTypes types, DeviceTypeAdministration administration, TenantAccess access,
                                     StrictJson json) {
        this.types = types;
        this.administration = administration;
        this.access = access;
        this.json = json;
    }

    @GetMapping
    List<DeviceType> list(@PathVariable("tenant") String tenantSlug, HttpServletRequest request) {
        return types.visible(access.authorize(tenantSlug, request, Role.ADMIN).id());
    }

    @GetMapping("/{id}")
    DeviceType get(@PathVariable("tenant") String tenantSlug, @PathVariable long id, HttpServletRequest request) {
        return types.require(access.authorize(tenantSlug, request, Role.ADMIN).id(), id, null);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DeviceType create(@PathVariable("tenant") String tenantSlug, @RequestBody byte[] body, HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        return administration.create(tenantId, json.read(body, DeviceTypeInput.class));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    DeviceType replace(@PathVariable("tenant") String tenantSlug, @PathVariable long id, @RequestBody byte[] body,
                       HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        return administration.replace(tenantId, id, json.read(body, DeviceTypeInput.class));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable("tenant") String tenantSlug, @PathVariable long id, HttpServletRequest request) {
        types.delete(access.authorize(tenantSlug, request, Role.ADMIN).id(), id);
    }
}
