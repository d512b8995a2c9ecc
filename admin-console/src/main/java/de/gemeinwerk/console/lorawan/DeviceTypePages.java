package de.gemeinwerk.console.lorawan;

import de.gemeinwerk.console.web.Confirmation;
import de.gemeinwerk.console.web.ConsoleNotFound;
import de.gemeinwerk.console.web.ConsoleRequest;
import de.gemeinwerk.console.web.FormErrors;
import de.gemeinwerk.lorawan.admin.DeviceTypeAdministration;
import de.gemeinwerk.lorawan.registry.DeviceType;
import de.gemeinwerk.lorawan.registry.DeviceTypeInput;
import de.gemeinwerk.lorawan.registry.DeviceTypes;
import de.gemeinwerk.platform.accounts.StaffMember;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.json.StrictJson;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Device types: the list (built in, the tenant's own, shared by other municipalities), a type's Datastream mappings
 * and decoder, and forms to create, change and delete the tenant's own types. The mappings are edited as JSON (the admin
 * API's {@code datastreams}), checked by the same rules as the API's.
 */
@Controller
@RequestMapping(LorawanPaths.PAGES + LorawanPaths.TYPES)
class DeviceTypePages {

    /** The form's fields as typed; {@code datastreams} is the JSON array of the mappings. */
    record TypeForm(String key, String name, String description, String shared, String decoder, String datastreams) {

        static TypeForm of(DeviceType type, JsonMapper json) {
            return new TypeForm(type.key(), type.name(), type.description(), type.shared() ? "ja" : null,
                    type.decoder() == null ? "" : type.decoder(),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(type.datastreams()));
        }
    }

    private static final String EXAMPLE = """
            [
              {
                "field": "/distance",
                "name": "Abstand",
                "description": "Abstand vom Sensor zur Oberfläche",
                "observedProperty": {"name": "Abstand", "definition": "http://qudt.org/vocab/quantitykind/Distance"},
                "unitOfMeasurement": {"name": "Millimeter", "symbol": "mm",
                                      "definition": "http://unitsofmeasure.org/ucum.html#mm"},
                "observationType": "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                "scale": 1
              }
            ]""";

    private final DeviceTypes types;
    private final DeviceTypeAdministration administration;
    private final StrictJson strictJson;
    private final JsonMapper json;

    DeviceTypePages(DeviceTypes types, DeviceTypeAdministration administration, StrictJson strictJson,
                    JsonMapper json) {
        this.types = types;
        this.administration = administration;
        this.strictJson = strictJson;
        this.json = json;
    }

    @GetMapping
    String list(StaffMember staff, Model model) {
        List<DeviceType> visible = types.visible(staff.tenant().id());
        String own = staff.tenant().slug();
        model.addAttribute("own", visible.stream().filter(type -> own.equals(type.owner())).toList());
        model.addAttribute("builtIn", visible.stream().filter(type -> type.owner() == null).toList());
        model.addAttribute("others", visible.stream()
                .filter(type -> type.owner() != null && !own.equals(type.owner())).toList());
        return "console/lorawan/device-types";
    }

    @GetMapping("/{id}")
    String view(StaffMember staff, @PathVariable String id, @RequestParam(name = "erledigt", required = false) String done, Model model) {
        DeviceType type = type(staff, id);
        model.addAttribute("type", type);
        model.addAttribute("owned", staff.tenant().slug().equals(type.owner()));
        model.addAttribute("done", done);
        return "console/lorawan/device-type";
    }

    @GetMapping("/neu")
    String createForm(Model model) {
        return form(new TypeForm("", "", "", null, "", EXAMPLE), new FormErrors(), null, null, model);
    }

    @PostMapping("/neu")
    String create(StaffMember staff, @ModelAttribute TypeForm form, Model model, HttpServletResponse response) {
        return save(staff, form, null, model, response);
    }

    @GetMapping("/{id}/bearbeiten")
    String editForm(StaffMember staff, @PathVariable String id, Model model) {
        DeviceType type = owned(staff, id);
        return form(TypeForm.of(type, json), new FormErrors(), type, null, model);
    }

    @PostMapping("/{id}/bearbeiten")
    String edit(StaffMember staff, @PathVariable String id, @ModelAttribute TypeForm form, Model model,
                HttpServletResponse response) {
        return save(staff, form, owned(staff, id), model, response);
    }

    @GetMapping("/{id}/loeschen")
    String confirmDelete(StaffMember staff, @PathVariable String id, Model model) {
        DeviceType type = owned(staff, id);
        String path = LorawanPaths.TYPES + "/" + type.id();
        return new Confirmation("console.lorawan.type.delete.title", type.name(), "console.lorawan.type.delete.text",
                null, "console.lorawan.type.delete.confirm", path + "/loeschen", path).show(model);
    }

    /** Deletes an own type; one that devices still use stays, and its page says so. */
    @PostMapping("/{id}/loeschen")
    String delete(StaffMember staff, @PathVariable String id) {
        DeviceType type = owned(staff, id);
        String console = ConsoleRequest.root(staff.tenant());
        try {
            types.delete(staff.tenant().id(), type.id());
        } catch (ApiException e) {
            if (e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            return LorawanPaths.redirect(console, LorawanPaths.TYPES + "/" + type.id() + "?erledigt=in-gebrauch");
        }
        return LorawanPaths.redirect(console, LorawanPaths.TYPES + "?erledigt=geloescht");
    }

    /** Creates ({@code type} null) or replaces a type; the form again with the errors, else its page. */
    private String save(StaffMember staff, TypeForm form, DeviceType type, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        String problem = null;
        try {
            DeviceTypeInput input = input(form);
            DeviceType saved = type == null ? administration.create(staff.tenant().id(), input)
                    : administration.replace(staff.tenant().id(), type.id(), input);
            return LorawanPaths.redirect(ConsoleRequest.root(staff.tenant()),
                    LorawanPaths.TYPES + "/" + saved.id() + "?erledigt=gespeichert");
        } catch (ApiException e) {
            String field = field(e.where());
            if (field == null) {
                throw e;
            }
            errors.add(field, "console.lorawan.type.error." + field
                    + (e.status() == HttpStatus.CONFLICT ? ".conflict" : ""));
            // the rules' own words say which mapping and what is wrong (line and column of a decoder's error)
            problem = e.getMessage();
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(form, errors, type, problem, model);
    }

    /** The form as the admin API's body, read as strictly as the API reads it. */
    private DeviceTypeInput input(TypeForm form) {
        ObjectNode body = json.createObjectNode().put("key", form.key()).put("name", form.name())
                .put("description", form.description()).put("shared", form.shared() != null)
                .put("decoder", form.decoder() == null || form.decoder().isBlank() ? null : form.decoder());
        try {
            body.set("datastreams", json.readTree(Objects.requireNonNullElse(form.datastreams(), "")));
        } catch (JacksonException e) {
            throw ApiException.badRequest("The mappings are no JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), "/datastreams");
        }
        return strictJson.read(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8), DeviceTypeInput.class);
    }

    /** The form field an error of the rules is about ({@code /datastreams/0/unitOfMeasurement} → datastreams). */
    private static String field(String where) {
        if (where == null) {
            return null;
        }
        String pointer = where.startsWith("body: ") ? where.substring("body: ".length()) : where;
        for (String field : List.of("key", "name", "description", "shared", "decoder", "datastreams")) {
            if (pointer.equals("/" + field) || pointer.startsWith("/" + field + "/")) {
                return field;
            }
        }
        return null;
    }

    private String form(TypeForm form, FormErrors errors, DeviceType type, String problem, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("type", type);
        model.addAttribute("problem", problem);
        return "console/lorawan/device-type-form";
    }

    private DeviceType type(StaffMember staff, String id) {
        try {
            return types.find(staff.tenant().id(), Long.parseLong(id)).orElseThrow(ConsoleNotFound::new);
        } catch (NumberFormatException e) {
            throw new ConsoleNotFound();
        }
    }

    /** A type the tenant owns; others can be looked at, not changed (the console's 404 page). */
    private DeviceType owned(StaffMember staff, String id) {
        DeviceType type = type(staff, id);
        if (!staff.tenant().slug().equals(type.owner())) {
            throw new ConsoleNotFound();
        }
        return type;
    }
}
