package de.gemeinwerk.console.lorawan;

import de.gemeinwerk.lorawan.registry.DeviceType;
import de.gemeinwerk.lorawan.registry.DeviceTypes;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The device types a tenant may choose in a form, and their names for lists. */
@Component
class DeviceTypeChoices {

    /** A type as a select offers it. */
    record Choice(long id, String label) {
    }

    private final DeviceTypes types;

    DeviceTypeChoices(DeviceTypes types) {
        this.types = types;
    }

    List<Choice> of(long tenantId) {
        return types.visible(tenantId).stream().map(type -> new Choice(type.id(), label(type))).toList();
    }

    /** Type id → its name, for showing a device's type. */
    Map<Long, String> names(long tenantId) {
        Map<Long, String> names = new LinkedHashMap<>();
        types.visible(tenantId).forEach(type -> names.put(type.id(), type.name()));
        return names;
    }

    private static String label(DeviceType type) {
        return type.name() + " (" + type.key() + (type.owner() == null ? "" : ", " + type.owner()) + ")";
    }
}
