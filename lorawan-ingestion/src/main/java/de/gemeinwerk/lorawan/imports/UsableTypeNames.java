package de.gemeinwerk.lorawan.imports;

import de.gemeinwerk.lorawan.registry.DeviceTypes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a device type named in an import means to a tenant: an id, or a key — the tenant's own type of that key
 * first, else the built-in one, else the one another tenant shares under it (refused as ambiguous when several
 * tenants share that key). Pure.
 */
final class UsableTypeNames implements DeviceCsv.DeviceTypeNames {

    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private final Set<Long> ids = new HashSet<>();
    private final Map<String, DeviceTypes.Usable> byKey = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();

    UsableTypeNames(List<DeviceTypes.Usable> usable) {
        for (DeviceTypes.Usable type : usable) {
            ids.add(type.id());
            DeviceTypes.Usable known = byKey.get(type.key());
            if (known == null || rank(type) < rank(known)) {
                byKey.put(type.key(), type);
                ambiguous.remove(type.key());
            } else if (rank(type) == rank(known)) {
                ambiguous.add(type.key());
            }
        }
    }

    @Override
    public long idOf(String keyOrId) {
        if (keyOrId.isEmpty()) {
            throw new IllegalArgumentException("A device needs its device type: its key (e.g. dragino-laq4) or id.");
        }
        if (ID.matcher(keyOrId).matches()) {
            long id = Long.parseLong(keyOrId);
            if (!ids.contains(id)) {
                throw new IllegalArgumentException("There is no device type " + id + " usable by this tenant.");
            }
            return id;
        }
        String key = keyOrId.toLowerCase(Locale.ROOT);
        DeviceTypes.Usable type = byKey.get(key);
        if (type == null) {
            throw new IllegalArgumentException("There is no device type '" + keyOrId + "' usable by this tenant.");
        }
        if (ambiguous.contains(key)) {
            throw new IllegalArgumentException("Several tenants share a device type '" + keyOrId
                    + "'; give its id instead.");
        }
        return type.id();
    }

    /** Lower is preferred: own, then built-in, then shared by another tenant (only these can tie). */
    private static int rank(DeviceTypes.Usable type) {
        return type.own() ? 0 : type.builtIn() ? 1 : 2;
    }
}
