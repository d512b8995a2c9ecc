package de.gemeinwerk.console.lorawan;

import de.gemeinwerk.console.web.Confirmation;
import de.gemeinwerk.console.web.ConsoleNotFound;
import de.gemeinwerk.console.web.ConsoleRequest;
import de.gemeinwerk.console.web.FormErrors;
import de.gemeinwerk.lorawan.mqtt.MqttConnectionAdministration;
import de.gemeinwerk.lorawan.mqtt.MqttConnectionRequest;
import de.gemeinwerk.lorawan.mqtt.MqttConnectionView;
import de.gemeinwerk.lorawan.registry.NetworkServerNames;
import de.gemeinwerk.lorawan.registry.TextInput;
import de.gemeinwerk.lorawan.webhook.Webhook;
import de.gemeinwerk.lorawan.webhook.Webhooks;
import de.gemeinwerk.platform.accounts.StaffMember;
import de.gemeinwerk.platform.error.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Map;

/**
 * The connections to the network servers: webhooks (the secret shown once, on the page after creating) and MQTT
 * connections to their brokers (with their live status; {@code mqtt/stand} gives it as JSON for the page's script).
 * Deleting either asks first.
 */
@Controller
@RequestMapping(LorawanPaths.PAGES + LorawanPaths.CONNECTIONS)
class ConnectionPages {

    record WebhookForm(String name, String networkServer) {
    }

    /** Blank optional fields (user, password, CA certificate) mean none. */
    record MqttForm(String name, String networkServer, String uri, String username, String password,
                    String applicationId, String caCertificate) {

        MqttConnectionRequest request() {
            return new MqttConnectionRequest(name, blankAsNull(networkServer), blankAsNull(uri),
                    blankAsNull(username), blankAsNull(password), blankAsNull(applicationId),
                    blankAsNull(caCertificate));
        }

        /** The form again, without the password: it is never sent back to the browser. */
        MqttForm withoutPassword() {
            return new MqttForm(name, networkServer, uri, username, null, applicationId, caCertificate);
        }
    }

    private static final Map<String, String> WEBHOOK_FIELDS = Map.of("/name", "webhookName",
            "/networkServer", "webhookServer");
    private static final Map<String, String> MQTT_FIELDS = Map.of("body: /name", "mqttName",
            "body: /networkServer", "mqttServer", "body: /uri", "uri", "body: /username", "username",
            "body: /password", "password", "body: /applicationId", "applicationId",
            "body: /caCertificate", "caCertificate");

    private final Webhooks webhooks;
    private final MqttConnectionAdministration mqtt;

    ConnectionPages(Webhooks webhooks, MqttConnectionAdministration mqtt) {
        this.webhooks = webhooks;
        this.mqtt = mqtt;
    }

    @GetMapping
    String page(StaffMember staff, Model model) {
        return page(staff, new WebhookForm("", ""), new FormErrors(), new MqttForm("", "", "", "", null, "", ""),
                new FormErrors(), model);
    }

    /** Creates a webhook and shows its secret, this once (the answer to the POST; nothing to bookmark). */
    @PostMapping("/webhooks")
    String createWebhook(StaffMember staff, @ModelAttribute WebhookForm form, Model model,
                         HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        try {
            Webhook created = webhooks.create(staff.tenant(), TextInput.required(form.name(), "/name"),
                    NetworkServerNames.parse(form.networkServer(), "/networkServer"));
            model.addAttribute("webhook", created);
            model.addAttribute("url", ServletUriComponentsBuilder.fromCurrentContextPath().path(created.path())
                    .toUriString());
            return "console/lorawan/webhook-created";
        } catch (ApiException e) {
            errors.add(e, "console.lorawan.connections.error", WEBHOOK_FIELDS);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(staff, form, errors, new MqttForm("", "", "", "", null, "", ""), new FormErrors(), model);
    }

    @GetMapping("/webhooks/{id}/loeschen")
    String confirmWebhookDelete(StaffMember staff, @PathVariable String id, Model model) {
        Webhook webhook = webhook(staff, id);
        String path = LorawanPaths.CONNECTIONS + "/webhooks/" + webhook.id() + "/loeschen";
        return new Confirmation("console.lorawan.webhook.delete.title", webhook.name(),
                "console.lorawan.webhook.delete.text", null, "console.lorawan.connections.delete.confirm", path,
                LorawanPaths.CONNECTIONS).show(model);
    }

    @PostMapping("/webhooks/{id}/loeschen")
    String deleteWebhook(StaffMember staff, @PathVariable String id) {
        webhooks.delete(staff.tenant(), webhook(staff, id).id());
        return LorawanPaths.redirect(ConsoleRequest.root(staff.tenant()),
                LorawanPaths.CONNECTIONS + "?erledigt=webhook-geloescht");
    }

    @PostMapping("/mqtt")
    String createMqtt(StaffMember staff, @ModelAttribute MqttForm form, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        try {
            mqtt.create(staff.tenant().id(), form.request());
            return LorawanPaths.redirect(ConsoleRequest.root(staff.tenant()),
                    LorawanPaths.CONNECTIONS + "?erledigt=mqtt-angelegt");
        } catch (ApiException e) {
            errors.add(e, "console.lorawan.connections.error", MQTT_FIELDS);
            model.addAttribute("mqttProblem", e.getMessage());
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(staff, new WebhookForm("", ""), new FormErrors(), form.withoutPassword(), errors, model);
    }

    /** The connections' status, for the page's script. */
    @GetMapping("/mqtt/stand")
    @ResponseBody
    List<MqttConnectionView> mqttStatus(StaffMember staff) {
        return mqtt.list(staff.tenant().id());
    }

    @GetMapping("/mqtt/{id}/loeschen")
    String confirmMqttDelete(StaffMember staff, @PathVariable String id, Model model) {
        MqttConnectionView connection = connection(staff, id);
        String path = LorawanPaths.CONNECTIONS + "/mqtt/" + connection.id() + "/loeschen";
        return new Confirmation("console.lorawan.mqtt.delete.title", connection.name(),
                "console.lorawan.mqtt.delete.text", null, "console.lorawan.connections.delete.confirm", path,
                LorawanPaths.CONNECTIONS).show(model);
    }

    @PostMapping("/mqtt/{id}/loeschen")
    String deleteMqtt(StaffMember staff, @PathVariable String id) {
        mqtt.delete(staff.tenant().id(), connection(staff, id).id());
        return LorawanPaths.redirect(ConsoleRequest.root(staff.tenant()),
                LorawanPaths.CONNECTIONS + "?erledigt=mqtt-geloescht");
    }

    private String page(StaffMember staff, WebhookForm webhookForm, FormErrors webhookErrors, MqttForm mqttForm,
                        FormErrors mqttErrors, Model model) {
        model.addAttribute("webhooks", webhooks.list(staff.tenant()));
        model.addAttribute("connections", mqtt.list(staff.tenant().id()));
        model.addAttribute("webhookForm", webhookForm);
        model.addAttribute("webhookErrors", webhookErrors);
        model.addAttribute("mqttForm", mqttForm);
        model.addAttribute("mqttErrors", mqttErrors);
        // one summary at the top of the page for whichever form came back
        model.addAttribute("errors", webhookErrors.any() ? webhookErrors : mqttErrors);
        return "console/lorawan/connections";
    }

    private Webhook webhook(StaffMember staff, String id) {
        return webhooks.list(staff.tenant()).stream().filter(webhook -> String.valueOf(webhook.id()).equals(id))
                .findFirst().orElseThrow(ConsoleNotFound::new);
    }

    private MqttConnectionView connection(StaffMember staff, String id) {
        return mqtt.list(staff.tenant().id()).stream()
                .filter(connection -> String.valueOf(connection.id()).equals(id))
                .findFirst().orElseThrow(ConsoleNotFound::new);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
