package de.gemeinwerk.lorawan.mqtt;

import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.access.TenantAccess;
import de.gemeinwerk.platform.error.ApiException;
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
import java.util.Map;

/**
 * The tenant's MQTT connections to network servers' brokers ({@code /{tenant}/admin/v1/lorawan/mqtt-connections});
 * needs an admin key of the tenant. A created connection is opened at once, a deleted one closed.
 */
@RestController
@RequestMapping("/{tenant}/admin/v1/lorawan/mqtt-connections")
public class MqttConnectionAdminController {

    private final MqttConnectionStore store;
    private final MqttConnections connections;
    private final TenantAccess access;
    private final StrictJson json;

    public MqttConnectionAdminController(MqttConnectionStore store, MqttConnections connections, TenantAccess access,
                                         StrictJson json) {
        this.store = store;
        this.connections = connections;
        this.access = access;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    MqttConnectionView create(@PathVariable("tenant") String tenantSlug, @RequestBody byte[] body,
                              HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        MqttConnection created = store.create(tenant.id(), json.read(body, MqttConnectionRequest.class).validate());
        connections.open(created);
        return MqttConnectionView.of(created, connections.status(created.id()).orElse(null));
    }

    @GetMapping
    List<MqttConnectionView> list(@PathVariable("tenant") String tenantSlug, HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        Map<Long, ConnectionStatus> reported = store.reported(tenant.id());
        // live where this instance holds the connection, else as its holder last reported it
        return store.list(tenant.id()).stream().map(connection -> MqttConnectionView.of(connection,
                connections.status(connection.id()).orElse(reported.get(connection.id())))).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable("tenant") String tenantSlug, @PathVariable long id, HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        if (!store.delete(tenant.id(), id)) {
            throw ApiException.notFound("This tenant has no MQTT connection " + id + ".");
        }
        connections.close(id);
    }
}
