package de.gemeinwerk.console.keys;

import de.gemeinwerk.console.web.Confirmation;
import de.gemeinwerk.console.web.ConsoleNavigation;
import de.gemeinwerk.console.web.ConsoleNotFound;
import de.gemeinwerk.console.web.ConsoleRequest;
import de.gemeinwerk.console.web.ConsoleTimes;
import de.gemeinwerk.console.web.FormErrors;
import de.gemeinwerk.platform.access.ApiKey;
import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.access.CreatedApiKey;
import de.gemeinwerk.platform.access.Role;
import de.gemeinwerk.platform.accounts.StaffMember;
import de.gemeinwerk.platform.error.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * The tenant's API keys ({@code schluessel}): the list, a form to create one — its secret is shown once, on the page
 * that answers the form (never in a URL, never stored) — and revoking with a confirmation page first.
 */
@Controller
class ApiKeyPagesController {

    private static final String ROOT = "/{tenant}/verwaltung/schluessel";

    /** A key as its row shows it. */
    record Row(long id, String name, String role, String created, String lastUsed, boolean revoked) {
        static Row of(ApiKey key) {
            return new Row(key.id(), key.name(), key.role().value(), ConsoleTimes.format(key.createdAt()),
                    ConsoleTimes.format(key.lastUsedAt()), key.revokedAt() != null);
        }
    }

    private final ApiKeys apiKeys;

    ApiKeyPagesController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Bean
    static ConsoleNavigation apiKeysNavigation() {
        return new ConsoleNavigation(800, "schluessel", "console.nav.keys");
    }

    @GetMapping(ROOT)
    String list(StaffMember staff, Model model) {
        return page(staff, "", "read", new FormErrors(), model);
    }

    @PostMapping(ROOT)
    String create(StaffMember staff, @RequestParam(name = "name", defaultValue = "") String name,
                  @RequestParam(name = "role", defaultValue = "") String role, HttpServletResponse response,
                  Model model) {
        FormErrors errors = new FormErrors();
        Role parsed = null;
        try {
            parsed = Role.parse(role);
        } catch (ApiException e) {
            errors.add(e, "console.keys.error", Map.of("role", "role"));
        }
        if (parsed != null) {
            try {
                CreatedApiKey created = apiKeys.create(staff.tenant().id(), name, parsed);
                model.addAttribute("created", created);
                return "console/key-created";
            } catch (ApiException e) {
                errors.add(e, "console.keys.error", Map.of("name", "name"));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(staff, name, role, errors, model);
    }

    @GetMapping(ROOT + "/{id}/widerrufen")
    String confirmRevoke(StaffMember staff, @PathVariable("id") long id, Model model) {
        ApiKey key = key(staff, id);
        return new Confirmation("console.keys.revoke", key.name(), "schluessel/" + id + "/widerrufen", "schluessel")
                .show(model);
    }

    @PostMapping(ROOT + "/{id}/widerrufen")
    String revoke(StaffMember staff, @PathVariable("id") long id) {
        key(staff, id);
        apiKeys.revokeForTenant(staff.tenant().id(), id);
        return "redirect:" + ConsoleRequest.root(staff.tenant()) + "schluessel?widerrufen=" + id;
    }

    /** The tenant's key with this id; the 404 page for another tenant's or a missing one. */
    private ApiKey key(StaffMember staff, long id) {
        return apiKeys.listForTenant(staff.tenant().id()).stream().filter(k -> k.id() == id).findFirst()
                .orElseThrow(ConsoleNotFound::new);
    }

    private String page(StaffMember staff, String name, String role, FormErrors errors, Model model) {
        model.addAttribute("keys", apiKeys.listForTenant(staff.tenant().id()).reversed().stream().map(Row::of).toList());
        model.addAttribute("name", name);
        model.addAttribute("role", role);
        model.addAttribute("errors", errors);
        return "console/keys";
    }
}
