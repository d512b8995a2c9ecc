package de.gemeinwerk.console.lorawan;

import de.gemeinwerk.lorawan.mqtt.MqttConnectionAdministration;
import de.gemeinwerk.lorawan.quarantine.Quarantine;
import de.gemeinwerk.lorawan.quarantine.QuarantinedDevice;
import de.gemeinwerk.lorawan.registry.DeviceTypes;
import de.gemeinwerk.lorawan.registry.Devices;
import de.gemeinwerk.lorawan.webhook.Webhooks;
import de.gemeinwerk.platform.accounts.StaffMember;
import de.gemeinwerk.platform.jobs.Jobs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/**
 * The LoRaWAN start page: how many devices, how many wait in the quarantine, how the network servers connect, and
 * the latest adoptions and imports.
 */
@Controller
class LorawanHubPage {

    private static final int RECENT_JOBS = 5;

    private final Devices devices;
    private final Quarantine quarantine;
    private final DeviceTypes types;
    private final Webhooks webhooks;
    private final MqttConnectionAdministration mqtt;
    private final Jobs jobs;

    LorawanHubPage(Devices devices, Quarantine quarantine, DeviceTypes types, Webhooks webhooks,
                   MqttConnectionAdministration mqtt, Jobs jobs) {
        this.devices = devices;
        this.quarantine = quarantine;
        this.types = types;
        this.webhooks = webhooks;
        this.mqtt = mqtt;
        this.jobs = jobs;
    }

    @GetMapping({LorawanPaths.PAGES + LorawanPaths.ROOT, LorawanPaths.PAGES + LorawanPaths.ROOT + "/"})
    String hub(StaffMember staff, Model model) {
        long tenantId = staff.tenant().id();
        List<QuarantinedDevice> kept = quarantine.devices(tenantId);
        model.addAttribute("devices", devices.list(tenantId).size());
        model.addAttribute("quarantined", kept.size());
        model.addAttribute("quarantinedUplinks", kept.stream().mapToLong(QuarantinedDevice::uplinks).sum());
        model.addAttribute("types", types.visible(tenantId).size());
        model.addAttribute("connections", webhooks.list(staff.tenant()).size() + mqtt.list(tenantId).size());
        // the way back to a job's page after leaving it
        model.addAttribute("jobs", jobs.recent(tenantId, RECENT_JOBS).stream()
                .filter(job -> job.kind().startsWith("lorawan-")).toList());
        return "console/lorawan/hub";
    }
}
