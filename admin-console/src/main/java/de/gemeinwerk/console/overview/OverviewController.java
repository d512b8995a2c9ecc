package de.gemeinwerk.console.overview;

import de.gemeinwerk.console.web.ConsoleNavigation;
import de.gemeinwerk.lorawan.quarantine.Quarantine;
import de.gemeinwerk.lorawan.quarantine.QuarantinedDevice;
import de.gemeinwerk.platform.accounts.StaffMember;
import de.gemeinwerk.portal.data.StaReads;
import de.gemeinwerk.portal.data.StaReads.Get;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The console's start page: how much there is (Things, Datastreams, Observations since midnight, devices waiting in
 * the LoRaWAN quarantine) and where to go from here. Counts come through the SensorThings reader, as the API counts.
 */
@Controller
class OverviewController {

    // the municipality's day, as its staff count it
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final StaReads reads;
    private final Quarantine quarantine;

    OverviewController(StaReads reads, Quarantine quarantine) {
        this.reads = reads;
        this.quarantine = quarantine;
    }

    @Bean
    static ConsoleNavigation overviewNavigation() {
        return new ConsoleNavigation(100, "", "console.nav.overview");
    }

    @GetMapping({"/{tenant}/verwaltung", "/{tenant}/verwaltung/"})
    String overview(StaffMember staff, Model model) {
        String midnight = LocalDate.now(ZONE).atStartOfDay(ZONE).toOffsetDateTime().toString();
        List<JsonNode> counts = reads.read(staff.tenant().id(), "", List.of(
                count("Things", null), count("Datastreams", null),
                count("Observations", "phenomenonTime ge " + midnight)));
        List<QuarantinedDevice> waiting = quarantine.devices(staff.tenant().id());
        model.addAttribute("things", counts.get(0).path("@iot.count").asLong());
        model.addAttribute("datastreams", counts.get(1).path("@iot.count").asLong());
        model.addAttribute("observationsToday", counts.get(2).path("@iot.count").asLong());
        model.addAttribute("observationsEstimated",
                counts.get(2).path("@gemeinwerk.countIsEstimate").asBoolean(false));
        model.addAttribute("quarantinedDevices", waiting.size());
        model.addAttribute("quarantinedUplinks", waiting.stream().mapToLong(QuarantinedDevice::uplinks).sum());
        return "console/overview";
    }

    private static Get count(String set, String filter) {
        return new Get(set, filter == null ? Map.of("$top", "1", "$select", "id", "$count", "true")
                : Map.of("$top", "1", "$select", "id", "$count", "true", "$filter", filter));
    }
}
