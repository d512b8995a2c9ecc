package de.gemeinwerk.console.lorawan;

import de.gemeinwerk.console.jobs.JobPages;
import de.gemeinwerk.console.web.Confirmation;
import de.gemeinwerk.console.web.ConsoleNotFound;
import de.gemeinwerk.console.web.ConsoleRequest;
import de.gemeinwerk.console.web.FormErrors;
import de.gemeinwerk.lorawan.quarantine.Adoption;
import de.gemeinwerk.lorawan.quarantine.BulkAdoption;
import de.gemeinwerk.lorawan.quarantine.BulkAdoptionRequest;
import de.gemeinwerk.lorawan.quarantine.NamePattern;
import de.gemeinwerk.lorawan.quarantine.Quarantine;
import de.gemeinwerk.lorawan.quarantine.QuarantinedDevice;
import de.gemeinwerk.lorawan.registry.DeviceRegistration;
import de.gemeinwerk.lorawan.uplink.DevEui;
import de.gemeinwerk.platform.accounts.StaffMember;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.jobs.Job;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The LoRaWAN quarantine: the kept uplinks grouped per device; adopt one (a form like registering), adopt the marked
 * ones or all unknown ones at once (a job whose page shows the progress), try a registered device's kept uplinks
 * again, or discard a device's uplinks (with confirmation).
 */
@Controller
@RequestMapping(LorawanPaths.PAGES + LorawanPaths.QUARANTINE)
class QuarantinePages {

    /** The form for adopting many: the type they all get, how they are named, a shared description. */
    record BulkForm(String deviceType, String namePattern, String description) {

        static BulkForm empty() {
            return new BulkForm("", NamePattern.DEFAULT, "");
        }
    }

    private static final Map<String, String> BULK_FIELDS = Map.of("/deviceType", "bulkDeviceType",
            "/namePattern", "namePattern", "/description", "bulkDescription", "/devEuis", "auswahl", "/all", "auswahl");

    private final Quarantine quarantine;
    private final Adoption adoption;
    private final BulkAdoption bulkAdoption;
    private final DeviceTypeChoices types;

    QuarantinePages(Quarantine quarantine, Adoption adoption, BulkAdoption bulkAdoption, DeviceTypeChoices types) {
        this.quarantine = quarantine;
        this.adoption = adoption;
        this.bulkAdoption = bulkAdoption;
        this.types = types;
    }

    @GetMapping
    String list(StaffMember staff, Model model) {
        return list(staff, BulkForm.empty(), Set.of(), new FormErrors(), model);
    }

    /** Adopts the marked devices ({@code auswahl=markierte}) or every unknown one ({@code auswahl=alle}) as a job. */
    @PostMapping("/uebernehmen")
    String adoptMany(StaffMember staff, @ModelAttribute BulkForm form,
                     @RequestParam(name = "devEui", required = false) List<String> marked,
                     @RequestParam(name = "auswahl", defaultValue = "") String choice, Model model,
                     HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        boolean all = choice.equals("alle");
        List<String> devEuis = marked == null ? List.of() : marked;
        if (!all && devEuis.isEmpty()) {
            errors.add("auswahl", "console.lorawan.quarantine.error.auswahl");
        }
        Long type = parseType(form.deviceType());
        if (type == null) {
            errors.add("bulkDeviceType", "console.lorawan.quarantine.error.bulkDeviceType");
        }
        if (!errors.any()) {
            try {
                Job job = bulkAdoption.start(staff.tenant().id(), new BulkAdoptionRequest(all ? null : devEuis,
                        all ? Boolean.TRUE : null, type, form.namePattern(), form.description(), null),
                        staff.displayName());
                return LorawanPaths.redirect(ConsoleRequest.root(staff.tenant()), JobPages.path(job.id()));
            } catch (ApiException e) {
                // "/devEuis/3": a marked DevEUI is malformed, which only a forged form can make
                String where = e.where() != null && e.where().startsWith("/devEuis") ? "/devEuis" : e.where();
                String field = where == null ? null : BULK_FIELDS.get(where);
                if (field == null) {
                    throw e;
                }
                errors.add(field, "console.lorawan.quarantine.error." + field);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return list(staff, form, Set.copyOf(devEuis), errors, model);
    }

    @GetMapping("/{devEui}/uebernehmen")
    String adoptForm(StaffMember staff, @PathVariable String devEui, Model model) {
        QuarantinedDevice kept = kept(staff, devEui);
        DeviceForm form = new DeviceForm(kept.devEui(), kept.deviceName() == null ? "" : kept.deviceName(), "", "", "",
                "", "");
        return adoptForm(staff, kept, form, new FormErrors(), model);
    }

    @PostMapping("/{devEui}/uebernehmen")
    String adopt(StaffMember staff, @PathVariable String devEui, @ModelAttribute DeviceForm form, Model model,
                 HttpServletResponse response) {
        QuarantinedDevice kept = kept(staff, devEui);
        FormErrors errors = new FormErrors();
        DeviceRegistration registration = form.registration(errors, null);
        if (registration != null) {
            try {
                Adoption.Adopted adopted = adoption.adopt(staff.tenant().id(), kept.devEui(), new DeviceRegistration(
                        null, registration.name(), registration.description(), registration.deviceType(),
                        registration.location(), null));
                return LorawanPaths.redirect(ConsoleRequest.root(staff.tenant()), LorawanPaths.DEVICES + "/"
                        + adopted.device().devEui() + "?erledigt=uebernommen");
            } catch (ApiException e) {
                DeviceForm.note(e, errors);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return adoptForm(staff, kept, form, errors, model);
    }

    /** Tries a registered device's kept uplinks again, once their cause (a decoder, a missing location) is fixed. */
    @PostMapping("/{devEui}/erneut")
    String replay(StaffMember staff, @PathVariable String devEui) {
        Adoption.Adopted replayed = adoption.replay(staff.tenant().id(), kept(staff, devEui).devEui());
        return LorawanPaths.redirect(ConsoleRequest.root(staff.tenant()), LorawanPaths.QUARANTINE
                + (replayed.stillKept() == 0 ? "?erledigt=erneut" : "?erledigt=erneut-teilweise"));
    }

    @GetMapping("/{devEui}/verwerfen")
    String confirmDiscard(StaffMember staff, @PathVariable String devEui, Model model) {
        QuarantinedDevice kept = kept(staff, devEui);
        return new Confirmation("console.lorawan.quarantine.discard.title", kept.devEui(),
                "console.lorawan.quarantine.discard.text", kept.uplinks(), "console.lorawan.quarantine.discard.confirm",
                LorawanPaths.QUARANTINE + "/" + kept.devEui() + "/verwerfen", LorawanPaths.QUARANTINE).show(model);
    }

    @PostMapping("/{devEui}/verwerfen")
    String discard(StaffMember staff, @PathVariable String devEui) {
        quarantine.discard(staff.tenant().id(), kept(staff, devEui).devEui());
        return LorawanPaths.redirect(ConsoleRequest.root(staff.tenant()),
                LorawanPaths.QUARANTINE + "?erledigt=verworfen");
    }

    private String list(StaffMember staff, BulkForm form, Set<String> marked, FormErrors errors, Model model) {
        List<QuarantinedDevice> kept = quarantine.devices(staff.tenant().id());
        model.addAttribute("kept", kept);
        model.addAttribute("unknown", kept.stream().filter(device -> device.reason() == null).count());
        model.addAttribute("uplinks", kept.stream().mapToLong(QuarantinedDevice::uplinks).sum());
        model.addAttribute("form", form);
        model.addAttribute("marked", marked);
        model.addAttribute("errors", errors);
        model.addAttribute("types", types.of(staff.tenant().id()));
        return "console/lorawan/quarantine";
    }

    private String adoptForm(StaffMember staff, QuarantinedDevice kept, DeviceForm form, FormErrors errors,
                             Model model) {
        model.addAttribute("kept", kept);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", types.of(staff.tenant().id()));
        return "console/lorawan/quarantine-adopt";
    }

    /** The device's kept uplinks, summed up; the console's 404 page when the tenant keeps none of it. */
    private QuarantinedDevice kept(StaffMember staff, String devEui) {
        String normalised;
        try {
            normalised = DevEui.normalise(devEui, "path");
        } catch (ApiException e) {
            throw new ConsoleNotFound();
        }
        return quarantine.devices(staff.tenant().id()).stream().filter(device -> device.devEui().equals(normalised))
                .findFirst().orElseThrow(ConsoleNotFound::new);
    }

    private static Long parseType(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
