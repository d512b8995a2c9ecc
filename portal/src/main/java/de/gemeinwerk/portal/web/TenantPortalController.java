package de.gemeinwerk.portal.web;

import de.gemeinwerk.platform.tenant.Tenant;
import de.gemeinwerk.portal.data.StaReads;
import de.gemeinwerk.portal.data.StaReads.Get;
import de.gemeinwerk.portal.settings.PortalSettings;
import de.gemeinwerk.portal.settings.PortalSettingsStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tenant's public portal: start page, map, Thing pages. Each reads on the server only what its first paint shows
 * (the start page is complete without JavaScript); the map's markers and the charts are loaded by the page's scripts
 * from the public SensorThings API. The URL paths are German and stable: they are printed on signs and in gazettes.
 */
@Controller
class TenantPortalController {

    // how many latest values the start page shows; the map shows all
    private static final int START_PAGE_VALUES = 12;

    private final PublicTenants tenants;
    private final StaReads reads;
    private final PortalSettingsStore settings;
    private final ServiceRoots serviceRoots;

    TenantPortalController(PublicTenants tenants, StaReads reads, PortalSettingsStore settings,
                           ServiceRoots serviceRoots) {
        this.tenants = tenants;
        this.reads = reads;
        this.settings = settings;
        this.serviceRoots = serviceRoots;
    }

    @GetMapping({"/{tenant}/portal", "/{tenant}/portal/"})
    String start(@PathVariable("tenant") String slug, HttpServletRequest request, Locale locale, Model model) {
        Tenant tenant = tenants.require(slug);
        List<JsonNode> answers = reads.read(tenant.id(), serviceRoots.of(tenant, request), List.of(
                new Get("Things", Map.of("$top", "1", "$select", "id", "$count", "true")),
                // with the number of Datastreams of each (usually one per measuring point)
                new Get("ObservedProperties", Map.of("$top", "100", "$select", "id,name,description",
                        "$orderby", "name", "$expand", "Datastreams($select=id;$top=1;$count=true)")),
                // the most recently measured Datastreams: those with the newest values come first (and those
                // without any not at all: descending order puts nulls first)
                new Get("Datastreams", Map.of("$top", String.valueOf(START_PAGE_VALUES),
                        "$filter", "phenomenonTime ne null", "$orderby", "phenomenonTime desc",
                        "$select", "id,name,unitOfMeasurement",
                        "$expand", "Thing($select=id,name),ObservedProperty($select=name)," + StaReads.LATEST_OBSERVATION))));
        common(tenant, request, model);
        model.addAttribute("thingCount", answers.get(0).path("@iot.count").asLong());
        model.addAttribute("observedProperties", answers.get(1).path("value"));
        model.addAttribute("latest", latestValues(answers.get(2).path("value"), locale));
        return "portal/start";
    }

    @GetMapping("/{tenant}/portal/karte")
    String map(@PathVariable("tenant") String slug, HttpServletRequest request, HttpServletResponse response,
               Model model) {
        Tenant tenant = tenants.require(slug);
        PortalSettings portalSettings = settings.find(tenant.id());
        if (portalSettings.tileUrl() != null) {
            response.setHeader(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.of(portalSettings.tileUrl()));
        }
        JsonNode observedProperties = reads.read(tenant.id(), serviceRoots.of(tenant, request), List.of(
                new Get("ObservedProperties", Map.of("$top", "100", "$select", "id,name", "$orderby", "name"))))
                .getFirst();
        common(tenant, request, model);
        model.addAttribute("observedProperties", observedProperties.path("value"));
        model.addAttribute("settings", portalSettings);
        model.addAttribute("leaflet", true);
        return "portal/map";
    }

    @GetMapping("/{tenant}/portal/dinge/{id}")
    String thing(@PathVariable("tenant") String slug, @PathVariable("id") String id, HttpServletRequest request,
                 Locale locale, Model model) {
        Tenant tenant = tenants.require(slug);
        if (!id.matches("[1-9][0-9]{0,17}")) {
            throw new PageNotFound();
        }
        JsonNode thing = reads.read(tenant.id(), serviceRoots.of(tenant, request), List.of(
                new Get("Things(" + id + ")", Map.of("$select", "id,name,description",
                        "$expand", "Locations($select=name,location),"
                                + "Datastreams($top=100;$orderby=name;$select=id,name,description,unitOfMeasurement;"
                                + "$expand=ObservedProperty($select=name)," + StaReads.LATEST_OBSERVATION + ")"))))
                .getFirst();
        common(tenant, request, model);
        model.addAttribute("thing", thing);
        model.addAttribute("datastreams", latestValues(thing.path("Datastreams"), locale));
        return "portal/thing";
    }

    private void common(Tenant tenant, HttpServletRequest request, Model model) {
        model.addAttribute("municipality", tenant);
        model.addAttribute("serviceRoot", serviceRoots.of(tenant, request));
        model.addAttribute("portal", "/" + tenant.slug() + "/portal");
    }

    private static List<LatestValue> latestValues(JsonNode datastreams, Locale locale) {
        List<LatestValue> values = new ArrayList<>();
        datastreams.forEach(datastream -> values.add(LatestValue.of(datastream, locale)));
        return values;
    }
}
