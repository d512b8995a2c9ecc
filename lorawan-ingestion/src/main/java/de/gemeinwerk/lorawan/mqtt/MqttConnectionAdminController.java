package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.json.StrictJson;
import de.gemeinwerk.platform.tenant.Tenant;
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
 * The tenant's MQTT connections to network servers' brokers ({@code /{tenant}/admin/v1/lorawan/mqtt-connections});
 * needs an admin key of the tenant. A created connection is opened at once, a deleted one closed.
 */
@RestController
@RequestMapping("/{tenant}/admin/v1/lorawan/mqtt-connections")
public class MqttConnectionAdminController {

    private final MqttConnectionAdministration administration;
    private final TenantAccess access;
    private final StrictJson json;

    public MqttConnectionAdminController(MqttConnectionAdministration administration, TenantAccess access,
                                         StrictJson json) {
        this.administration = administration;
        this.access = access;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    MqttConnectionView create(@PathVariable("tenant") String tenantSlug, @RequestBody byte[] body,
                              HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        return administration.create(tenant.id(), json.read(body, MqttConnectionRequest.class));
    }

    @GetMapping
    List<MqttConnectionView> list(@PathVariable("tenant") String tenantSlug, HttpServletRequest request) {
        return administration.list(access.authorize(tenantSlug, request, Role.ADMIN).id());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable("tenant") String tenantSlug, @PathVariable long id, HttpServletRequest request) {
        administration.delete(access.authorize(tenantSlug, request, Role.ADMIN).id(), id);
    }
}
