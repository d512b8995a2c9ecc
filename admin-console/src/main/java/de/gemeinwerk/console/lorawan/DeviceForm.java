package de.gemeinwerk.console.lorawan;

import de.gemeinwerk.console.web.FormErrors;
import de.gemeinwerk.lorawan.imports.Position;
import de.gemeinwerk.lorawan.registry.Device;
import de.gemeinwerk.lorawan.registry.DeviceRegistration;
import de.gemeinwerk.lorawan.uplink.DevEui;
import de.gemeinwerk.platform.error.ApiException;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The fields of a device as the console's forms have them (register, edit, adopt one from the quarantine): texts as
 * typed, the position as latitude, longitude and altitude (a decimal comma is fine). Field ids are the names below.
 */
record DeviceForm(String devEui, String name, String description, String deviceType, String latitude,
                  String longitude, String altitude) {

    /** Where the registry's errors point → the form's field. */
    private static final Map<String, String> FIELDS = Map.of("/devEui", "devEui", "path", "devEui", "/name", "name",
            "/description", "description", "/deviceType", "deviceType", "/location", "latitude");

    // as the registry's TextInput
    private static final int MAX_TEXT = 500;

    static DeviceForm empty() {
        return new DeviceForm("", "", "", "", "", "", "");
    }

    /** The form filled with a device as registered; a position only if its location is a point. */
    static DeviceForm of(Device device) {
        Position position = Position.of(device.location());
        return new DeviceForm(device.devEui(), device.name(), device.description(), String.valueOf(device.deviceType()),
                position == null ? "" : text(position.latitude()), position == null ? "" : text(position.longitude()),
                position == null || position.altitude() == null ? "" : text(position.altitude()));
    }

    /**
     * The registration the form asks for, or null with {@code errors} noted.
     *
     * @param unchangedLocation what to keep when no position is given (a device's location that is no point), or null
     */
    DeviceRegistration registration(FormErrors errors, JsonNode unchangedLocation) {
        // what the registry would refuse one by one is checked here at once, so the form names every error
        if (!blank(devEui)) {
            try {
                DevEui.normalise(devEui.strip(), "/devEui");
            } catch (ApiException e) {
                errors.add("devEui", "console.lorawan.device.error.devEui");
            }
        }
        if (blank(name) || name.strip().length() > MAX_TEXT) {
            errors.add("name", "console.lorawan.device.error.name");
        }
        if (description != null && description.strip().length() > MAX_TEXT) {
            errors.add("description", "console.lorawan.device.error.description");
        }
        Long type = null;
        if (blank(deviceType)) {
            errors.add("deviceType", "console.lorawan.device.error.deviceType");
        } else {
            try {
                type = Long.parseLong(deviceType.strip());
            } catch (NumberFormatException e) {
                errors.add("deviceType", "console.lorawan.device.error.deviceType");
            }
        }
        JsonNode location = unchangedLocation;
        try {
            Position position = Position.parse(latitude, longitude, altitude);
            if (position != null) {
                location = position.geoJson();
            }
        } catch (Position.Invalid e) {
            errors.add(e.field(), "console.lorawan.device.error." + e.field());
        }
        return errors.any() ? null
                : new DeviceRegistration(blank(devEui) ? null : devEui.strip(), name, description, type, location, null);
    }

    /** Notes the field an error of the registry is about (a DevEUI taken has its own text); others are thrown on. */
    static void note(ApiException e, FormErrors errors) {
        if (e.status() == HttpStatus.CONFLICT && "/devEui".equals(e.where())) {
            errors.add("devEui", "console.lorawan.device.error.taken");
        } else {
            errors.add(e, "console.lorawan.device.error", FIELDS);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String text(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
    }
}
