package de.gemeinwerk.lorawan.imports;

import de.gemeinwerk.lorawan.ingest.DeviceRoutes;
import de.gemeinwerk.lorawan.registry.DeviceRegistration;
import de.gemeinwerk.lorawan.registry.DeviceTypes;
import de.gemeinwerk.lorawan.registry.Devices;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.jobs.Job;
import de.gemeinwerk.platform.jobs.Jobs;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.Charset;
import java.util.List;

/**
 * Registering devices from a CSV file as a job: the whole file is read and checked first (a 400 naming line and column,
 * before anything is registered); then each row is registered on its own, so a device that is registered already
 * becomes that row's error in the job and the others go in.
 */
@Service
public class DeviceImport {

    public static final String KIND = "lorawan-device-import";
    /** 10,000 rows of generous length. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final Devices devices;
    private final DeviceTypes types;
    private final DeviceRoutes routes;
    private final Jobs jobs;

    public DeviceImport(Devices devices, DeviceTypes types, DeviceRoutes routes, Jobs jobs) {
        this.devices = devices;
        this.types = types;
        this.routes = routes;
        this.jobs = jobs;
    }

    /**
     * Checks the file and starts the job.
     *
     * @param charset the charset the upload declares, or null (then UTF-8, else Windows-1252)
     */
    public Job start(long tenantId, byte[] csv, Charset charset, String startedBy) {
        if (csv.length > MAX_BYTES) {
            throw ApiException.payloadTooLarge("A device file may have at most " + MAX_BYTES / (1024 * 1024)
                    + " MiB.");
        }
        List<ImportedDevice> rows = DeviceCsv.read(CsvTable.read(CsvTable.decode(csv, charset)),
                new UsableTypeNames(types.usable(tenantId)));
        return jobs.start(tenantId, KIND, startedBy, rows, row -> "line " + row.line() + " (" + row.devEui() + ")",
                row -> register(tenantId, row));
    }

    private void register(long tenantId, ImportedDevice row) {
        devices.register(tenantId, row.devEui(), new DeviceRegistration(null, row.name(), row.description(),
                row.deviceType(), location(row), null));
        routes.invalidate(tenantId, row.devEui()); // an unknown device is cached as such
    }

    /** A GeoJSON Point, longitude first; null for a row without a position. */
    private static ObjectNode location(ImportedDevice row) {
        if (row.latitude() == null) {
            return null;
        }
        ObjectNode point = JsonNodeFactory.instance.objectNode().put("type", "Point");
        ArrayNode coordinates = point.putArray("coordinates").add(row.longitude()).add(row.latitude());
        if (row.altitude() != null) {
            coordinates.add(row.altitude());
        }
        return point;
    }
}
