package de.gemeinwerk.console.lorawan;

import de.gemeinwerk.console.web.Confirmation;
import de.gemeinwerk.console.web.ConsoleNotFound;
import de.gemeinwerk.console.web.ConsoleRequest;
import de.gemeinwerk.console.web.FormErrors;
import de.gemeinwerk.lorawan.admin.DeviceAdministration;
import de.gemeinwerk.lorawan.imports.Position;
import de.gemeinwerk.lorawan.registry.Device;
import de.gemeinwerk.lorawan.registry.DeviceRegistration;
import de.gemeinwerk.lorawan.registry.Devices;
import de.gemeinwerk.lorawan.uplink.DevEui;
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
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;

/**
 * The tenant's LoRaWAN devices: a searchable, paged list; register, edit, and delete with confirmation. Changes go
 * through {@link DeviceAdministration}, as the admin API's do.
 */
@Controller
@RequestMapping(LorawanPaths.PAGES + LorawanPaths.DEVICES)
class DevicePages {

    static final int PAGE_SIZE = 50;

    private final Devices devices;
    private final DeviceAdministration administration;
    private final DeviceTypeChoices types;

    DevicePages(Devices devices, DeviceAdministration administration, DeviceTypeChoices types) {
        this.devices = devices;
        this.administration = administration;
        this.types = types;
    }

    @GetMapping
    String list(StaffMember staff, @RequestParam(name = "q", defaultValue = "") String query,
                @RequestParam(name = "seite", defaultValue = "1") int page, Model model) {
        long tenantId = staff.tenant().id();
        String search = query.strip().toLowerCase(Locale.ROOT);
        List<Device> found = devices.list(tenantId).stream()
                .filter(device -> search.isEmpty() || device.devEui().contains(search)
                        || device.name().toLowerCase(Locale.ROOT).contains(search))
                .toList();
        Paging paging = Paging.of(found.size(), page, PAGE_SIZE);
        model.addAttribute("devices", found.subList(paging.from(), paging.to()));
        model.addAttribute("paging", paging);
        model.addAttribute("q", query.strip());
        model.addAttribute("typeNames", types.names(tenantId));
        return "console/lorawan/devices";
    }

    @GetMapping("/neu")
    String registerForm(StaffMember staff, Model model) {
        return form(staff, DeviceForm.empty(), new FormErrors(), true, model);
    }

    @PostMapping("/neu")
    String register(StaffMember staff, @ModelAttribute DeviceForm form, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        if (form.devEui() == null || form.devEui().isBlank()) {
            errors.add("devEui", "console.lorawan.device.error.devEui");
        }
        DeviceRegistration registration = form.registration(errors, null);
        if (registration != null && !errors.any()) {
            try {
                Device device = administration.register(staff.tenant().id(), registration);
                return LorawanPaths.redirect(ConsoleRequest.root(staff.tenant()),
                        LorawanPaths.DEVICES + "/" + device.devEui() + "?erledigt=registriert");
            } catch (ApiException e) {
                DeviceForm.note(e, errors);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(staff, form, errors, true, model);
    }

    @GetMapping("/{devEui}")
    String editForm(StaffMember staff, @PathVariable String devEui,
                    @RequestParam(name = "erledigt", required = false) String done, Model model) {
        Device device = device(staff, devEui);
        model.addAttribute("done", done);
        return form(staff, DeviceForm.of(device), new FormErrors(), false, model, device);
    }

    @PostMapping("/{devEui}")
    String edit(StaffMember staff, @PathVariable String devEui, @ModelAttribute DeviceForm form, Model model,
                HttpServletResponse response) {
        Device device = device(staff, devEui);
        FormErrors errors = new FormErrors();
        // a location that is no point (set over the API) stays unless a position is typed
        DeviceRegistration registration = form.registration(errors,
                Position.of(device.location()) == null ? device.location() : null);
        if (registration != null) {
            try {
                administration.replace(staff.tenant().id(), device.devEui(), new DeviceRegistration(null,
                        registration.name(), registration.description(), registration.deviceType(),
                        registration.location(), null));
                return LorawanPaths.redirect(ConsoleRequest.root(staff.tenant()),
                        LorawanPaths.DEVICES + "/" + device.devEui() + "?erledigt=gespeichert");
            } catch (ApiException e) {
                DeviceForm.note(e, errors);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(staff, form, errors, false, model, device);
    }

    @GetMapping("/{devEui}/loeschen")
    String confirmDelete(StaffMember staff, @PathVariable String devEui, Model model) {
        Device device = device(staff, devEui);
        String path = LorawanPaths.DEVICES + "/" + device.devEui();
        return new Confirmation("console.lorawan.device.delete.title", device.name(),
                "console.lorawan.device.delete.text", device.devEui(), "console.lorawan.device.delete.confirm",
                path + "/loeschen", path).show(model);
    }

    @PostMapping("/{devEui}/loeschen")
    String delete(StaffMember staff, @PathVariable String devEui) {
        Device device = device(staff, devEui);
        administration.delete(staff.tenant().id(), device.devEui());
        return LorawanPaths.redirect(ConsoleRequest.root(staff.tenant()), LorawanPaths.DEVICES + "?erledigt=geloescht");
    }

    private String form(StaffMember staff, DeviceForm form, FormErrors errors, boolean isNew, Model model) {
        return form(staff, form, errors, isNew, model, null);
    }

    private String form(StaffMember staff, DeviceForm form, FormErrors errors, boolean isNew, Model model,
                        Device device) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("isNew", isNew);
        model.addAttribute("device", device);
        model.addAttribute("otherGeometry", device != null && device.location() != null
                && Position.of(device.location()) == null);
        model.addAttribute("types", types.of(staff.tenant().id()));
        return "console/lorawan/device-form";
    }

    /** The tenant's device, or the console's 404 page (also for a malformed DevEUI in the URL). */
    private Device device(StaffMember staff, String devEui) {
        try {
            return devices.find(staff.tenant().id(), DevEui.normalise(devEui, "path"))
                    .orElseThrow(ConsoleNotFound::new);
        } catch (ApiException e) {
            throw new ConsoleNotFound();
        }
    }
}
