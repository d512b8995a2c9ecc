package de.gemeinwerk.console.settings;

import de.gemeinwerk.console.web.ConsoleNavigation;
import de.gemeinwerk.console.web.ConsoleNotFound;
import de.gemeinwerk.console.web.ConsoleRequest;
import de.gemeinwerk.console.web.FormErrors;
import de.gemeinwerk.platform.accounts.StaffMember;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.TenantLogos;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.portal.settings.PortalSettings;
import de.gemeinwerk.portal.settings.PortalSettingsStore;
import de.gemeinwerk.portal.web.LogoResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import javax.sql.DataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The tenant's settings ({@code einstellungen}): its name, its logo (shown on its portal), its boundary and the base
 * map of the portal's map. Everything is checked first — each wrong field named in the error summary — and only
 * then saved, so a form with an error changes nothing.
 */
@Controller
class SettingsController {

    private static final String PATH = "/{tenant}/verwaltung/einstellungen";
    private static final String ERRORS = "console.settings.error";

    private final Tenants tenants;
    private final TenantLogos logos;
    private final PortalSettingsStore portalSettings;
    private final TransactionTemplate transactions;

    SettingsController(Tenants tenants, TenantLogos logos, PortalSettingsStore portalSettings, DataSource dataSource) {
        this.tenants = tenants;
        this.logos = logos;
        this.portalSettings = portalSettings;
        // the stores' statements (JdbcClient on the same DataSource) join it
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Bean
    static ConsoleNavigation settingsNavigation() {
        return new ConsoleNavigation(900, "einstellungen", "console.nav.settings");
    }

    @GetMapping(PATH)
    String form(StaffMember staff, Model model) {
        PortalSettings settings = portalSettings.find(staff.tenant().id());
        return page(staff, new SettingsForm(staff.tenant().name(), settings.boundary(), settings.tileUrl(),
                settings.tileAttribution()), new FormErrors(), model);
    }

    @PostMapping(PATH)
    String save(StaffMember staff, @RequestParam(name = "name", defaultValue = "") String name,
                @RequestParam(name = "logo", required = false) MultipartFile logo,
                @RequestParam(name = "removeLogo", required = false) String removeLogo,
                @RequestParam(name = "boundary", defaultValue = "") String boundary,
                @RequestParam(name = "boundaryFile", required = false) MultipartFile boundaryFile,
                @RequestParam(name = "tileUrl", defaultValue = "") String tileUrl,
                @RequestParam(name = "tileAttribution", defaultValue = "") String tileAttribution,
                HttpServletResponse response, Model model) throws IOException {
        String boundaryText = boundaryFile != null && !boundaryFile.isEmpty()
                ? new String(boundaryFile.getBytes(), StandardCharsets.UTF_8) : boundary;
        SettingsForm form = new SettingsForm(name, boundaryText, tileUrl, tileAttribution);
        FormErrors errors = new FormErrors();
        try {
            Tenants.validateName(name);
        } catch (ApiException e) {
            errors.add(e, ERRORS, Map.of("name", "name"));
        }
        byte[] logoBytes = logo == null || logo.isEmpty() ? null : logo.getBytes();
        if (logoBytes != null) {
            try {
                TenantLogos.mediaType(logoBytes);
            } catch (ApiException e) {
                errors.add(e, ERRORS, Map.of("logo", "logo"));
            }
        }
        PortalSettings settings = new PortalSettings(tileUrl, tileAttribution, blankToNull(boundaryText));
        // each member alone, so that every wrong one is named, not only the first
        for (PortalSettings member : List.of(new PortalSettings(null, null, settings.boundary()),
                new PortalSettings(tileUrl, null, null), new PortalSettings(null, tileAttribution, null))) {
            try {
                PortalSettingsStore.validate(member);
            } catch (ApiException e) {
                errors.add(e, ERRORS, Map.of("boundary", "boundary", "tileUrl", "tileUrl",
                        "tileAttribution", "tileAttribution"));
            }
        }
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(staff, form, errors, model);
        }
        // one transaction: the form is saved whole or (if anything fails) not at all
        transactions.executeWithoutResult(status -> {
            tenants.update(staff.tenant().slug(), name, null);
            if (logoBytes != null) {
                logos.save(staff.tenant().id(), logoBytes);
            } else if (removeLogo != null) {
                logos.remove(staff.tenant().id());
            }
            portalSettings.save(staff.tenant().id(), settings);
        });
        return "redirect:" + ConsoleRequest.root(staff.tenant()) + "einstellungen?gespeichert";
    }

    /** The logo as stored, for the preview on this page (the portal's URL would not serve a private tenant's). */
    @GetMapping(PATH + "/logo")
    ResponseEntity<byte[]> logo(StaffMember staff) {
        return LogoResponse.of(logos.find(staff.tenant().id()).orElseThrow(ConsoleNotFound::new));
    }

    private String page(StaffMember staff, SettingsForm form, FormErrors errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("logo", logos.version(staff.tenant().id())
                .map(v -> ConsoleRequest.root(staff.tenant()) + "einstellungen/logo?v=" + v.toEpochMilli())
                .orElse(null));
        return "console/settings";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
