package de.gemeinwerk.lorawan.admin;

import de.gemeinwerk.lorawan.decoder.DecoderException;
import de.gemeinwerk.lorawan.decoder.DecoderSandbox;
import de.gemeinwerk.lorawan.ingest.DeviceRoutes;
import de.gemeinwerk.lorawan.registry.DeviceType;
import de.gemeinwerk.lorawan.registry.DeviceTypeInput;
import de.gemeinwerk.lorawan.registry.DeviceTypeRules;
import de.gemeinwerk.lorawan.registry.DeviceTypes;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.error.ApiException;
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
    private final DeviceRoutes routes;
    private final TenantAccess access;
    private final StrictJson json;
    private final DecoderSandbox sandbox;

    public DeviceTypeAdminController(DeviceTypes types, DeviceRoutes routes, TenantAccess access, StrictJson json,
                                     DecoderSandbox sandbox) {
        this.types = types;
        this.routes = routes;
        this.access = access;
        this.json = json;
        this.sandbox = sandbox;
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
        return types.create(tenantId, valid(body));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    DeviceType replace(@PathVariable("tenant") String tenantSlug, @PathVariable long id, @RequestBody byte[] body,
                       HttpServletRequest request) {
        long tenantId = access.authorize(tenantSlug, request, Role.ADMIN).id();
        DeviceType replaced = types.replace(tenantId, id, valid(body));
        routes.invalidateAll(); // any device may use the type: its decoder changed
        return replaced;
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable("tenant") String tenantSlug, @PathVariable long id, HttpServletRequest request) {
        types.delete(access.authorize(tenantSlug, request, Role.ADMIN).id(), id);
    }

    /** A valid type whose decoder, if it has one, compiles and defines decodeUplink; else 400 naming the place. */
    private DeviceTypeInput valid(byte[] body) {
        DeviceTypeInput input = DeviceTypeRules.validate(json.read(body, DeviceTypeInput.class));
        if (input.decoder() != null) {
            try {
                sandbox.check(input.decoder());
            } catch (DecoderException e) {
                throw ApiException.badRequest("The decoder cannot be used: " + e.getMessage(), "/decoder");
            }
        }
        return input;
    }
}
