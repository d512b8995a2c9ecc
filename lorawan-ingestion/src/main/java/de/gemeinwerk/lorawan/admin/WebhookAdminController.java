package de.gemeinwerk.lorawan.admin;

import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import de.gemeinwerk.lorawan.registry.TextInput;
import de.gemeinwerk.lorawan.webhook.Webhook;
import de.gemeinwerk.lorawan.webhook.Webhooks;
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

/** The tenant's LoRaWAN webhooks: each with its own secret, shown once when it is created. Needs an admin key. */
@RestController
@RequestMapping("/{tenant}/admin/v1/lorawan/webhooks")
public class WebhookAdminController {

    record WebhookInput(String name, String networkServer) {
    }

    private final Webhooks webhooks;
    private final TenantAccess access;
    private final StrictJson json;

    public WebhookAdminController(Webhooks webhooks, TenantAccess access, StrictJson json) {
        this.webhooks = webhooks;
        this.access = access;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Webhook create(@PathVariable("tenant") String tenantSlug, @RequestBody byte[] body, HttpServletRequest request) {
        Tenant tenant = access.authorize(tenantSlug, request, Role.ADMIN);
        WebhookInput input = json.read(body, WebhookInput.class);
        return webhooks.create(tenant, TextInput.required(input.name(), "/name"),
                NetworkServerNames.parse(input.networkServer(), "/networkServer"));
    }

    @GetMapping
    List<Webhook> list(@PathVariable("tenant") String tenantSlug, HttpServletRequest request) {
        return webhooks.list(access.authorize(tenantSlug, request, Role.ADMIN));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable("tenant") String tenantSlug, @PathVariable long id, HttpServletRequest request) {
        webhooks.delete(access.authorize(tenantSlug, request, Role.ADMIN), id);
    }
}
