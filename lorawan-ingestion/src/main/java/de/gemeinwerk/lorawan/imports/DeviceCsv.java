package de.gemeinwerk.lorawan.imports;

import de.gemeinwerk.lorawan.uplink.DevEui;
import de.gemeinwerk.platform.error.ApiException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The devices of a CSV file ({@link CsvTable}): a header row naming the columns (in English or German, in any order)
 * and one row per device. Everything is checked before any device is registered, so a malformed file is one 400
 * naming line and column, never a half-done import. Pure: the device types come from a {@link DeviceTypeNames}.
 */
public final class DeviceCsv {

    public static final int MAX_DEVICES = 10_000;
    private static final int MAX_TEXT = 500;

    /** Turns a row's device type (a key, or an id) into the id of a type the tenant may use. */
    @FunctionalInterface
    public interface DeviceTypeNames {
        /** @throws IllegalArgumentException with a message for the admin when there is no such type, or several */
        long idOf(String keyOrId);
    }

    enum Column {
        DEV_EUI("devEui", true, "deveui", "eui"),
        NAME("name", true, "name"),
        DEVICE_TYPE("deviceType", true, "devicetype", "devicetypekey", "type", "geraetetyp", "typ"),
        LATITUDE("latitude", true, "latitude", "lat", "breitengrad", "breite"),
        LONGITUDE("longitude", true, "longitude", "lon", "lng", "laengengrad", "laenge"),
        ALTITUDE("altitude", false, "altitude", "alt", "hoehe"),
        DESCRIPTION("description", false, "description", "beschreibung");

        final String title;
        final boolean required;
        final List<String> names;

        Column(String title, boolean required, String... names) {
            this.title = title;
            this.required = required;
            this.names = List.of(names);
        }
    }

    private DeviceCsv() {
    }

    /** The file's devices; 400 naming line and column of the first problem. */
    public static List<ImportedDevice> read(CsvTable table, DeviceTypeNames types) {
        Map<Column, Integer> columns = columns(table);
        if (table.rows().isEmpty()) {
            throw ApiException.badRequest("The file has a header row but no devices.", "line 2");
        }
        if (table.rows().size() > MAX_DEVICES) {
            throw ApiException.badRequest("A file may hold at most " + MAX_DEVICES + " devices.",
                    "line " + table.rows().get(MAX_DEVICES).line());
        }
        List<ImportedDevice> devices = new ArrayList<>();
        Map<String, Integer> lineOfDevEui = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            ImportedDevice device = device(new Fields(row, columns), types);
            Integer earlier = lineOfDevEui.putIfAbsent(device.devEui(), row.line());
            if (earlier != null) {
                throw ApiException.badRequest("DevEUI " + device.devEui() + " is in line " + earlier
                        + " already; each device may appear once.", where(row.line(), columns, Column.DEV_EUI));
            }
            devices.add(device);
        }
        return devices;
    }

    private static ImportedDevice device(Fields row, DeviceTypeNames types) {
        String devEui = DevEui.normalise(row.text(Column.DEV_EUI), row.where(Column.DEV_EUI));
        String name = row.text(Column.NAME);
        if (name.isEmpty() || name.length() > MAX_TEXT) {
            throw ApiException.badRequest("A device needs a name of 1 to " + MAX_TEXT + " characters.",
                    row.where(Column.NAME));
        }
        String description = row.text(Column.DESCRIPTION);
        if (description.length() > MAX_TEXT) {
            throw ApiException.badRequest("A description has at most " + MAX_TEXT + " characters.",
                    row.where(Column.DESCRIPTION));
        }
        long type;
        try {
            type = types.idOf(row.text(Column.DEVICE_TYPE));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), row.where(Column.DEVICE_TYPE));
        }
        Position position;
        try {
            position = Position.parse(row.text(Column.LATITUDE), row.text(Column.LONGITUDE),
                    row.text(Column.ALTITUDE));
        } catch (Position.Invalid e) {
            Column column = e.field().equals("latitude") ? Column.LATITUDE
                    : e.field().equals("longitude") ? Column.LONGITUDE : Column.ALTITUDE;
            throw ApiException.badRequest(e.getMessage(), row.where(column));
        }
        return new ImportedDevice(row.row.line(), devEui, name, description, type, position);
    }

    private static Map<Column, Integer> columns(CsvTable table) {
        CsvTable.Row header = table.header();
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.fields().size(); i++) {
            String title = header.fields().get(i);
            if (title.isBlank() && emptyInEveryRow(table, i)) {
                continue; // German Excel writes "devEui;name;;" for cells once touched, then emptied
            }
            Column column = column(title);
            String where = "line " + header.line() + ", column " + (i + 1);
            if (column == null) {
                throw ApiException.badRequest("Unknown column '" + title.strip() + "'; the columns are " + titles()
                        + ".", where);
            }
            if (columns.putIfAbsent(column, i) != null) {
                throw ApiException.badRequest("The column " + column.title + " appears twice.", where);
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !columns.containsKey(column)) {
                throw ApiException.badRequest("The header row lacks the column " + column.title + "; the columns are "
                        + titles() + ".", "line " + header.line());
            }
        }
        return columns;
    }

    private static boolean emptyInEveryRow(CsvTable table, int column) {
        return table.rows().stream().allMatch(row -> row.fields().get(column).isBlank());
    }

    /** The column a header names: case, spaces, '-', '_' and umlauts do not matter ("Gerätetyp" = "geraetetyp"). */
    private static Column column(String title) {
        String name = title.strip().toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe")
                .replace("ü", "ue").replace("ß", "ss").replaceAll("[\\s_-]", "");
        for (Column column : Column.values()) {
            if (column.names.contains(name)) {
                return column;
            }
        }
        return null;
    }

    private static String titles() {
        List<String> titles = new ArrayList<>();
        for (Column column : Column.values()) {
            titles.add(column.title + (column.required ? "" : " (optional)"));
        }
        return String.join(", ", titles);
    }

    private static String where(int line, Map<Column, Integer> columns, Column column) {
        return "line " + line + ", column " + (columns.get(column) + 1) + " (" + column.title + ")";
    }

    /** A row's fields by column. */
    private record Fields(CsvTable.Row row, Map<Column, Integer> columns) {

        /** The field stripped; empty for an absent optional column. */
        String text(Column column) {
            Integer index = columns.get(column);
            return index == null ? "" : row.fields().get(index).strip();
        }

        String where(Column column) {
            return DeviceCsv.where(row.line(), columns, column);
        }
    }
}
