package de.gemeinwerk.lorawan.imports;

import de.gemeinwerk.lorawan.admin.DeviceAdministration;
import de.gemeinwerk.lorawan.registry.DeviceRegistration;
import de.gemeinwerk.lorawan.registry.DeviceTypes;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.jobs.Job;
import de.gemeinwerk.platform.jobs.Jobs;
import org.springframework.stereotype.Service;

import java.nio.charset.Charset;
import java.util.List;

/**
 * Registering devices from a CSV file as a job: the whole file is read and checked first (a 400 naming line and column,
 * before anything is registered); then each row is registered on its own ({@link DeviceAdministration}), so a device
 * that is registered already becomes that row's error in the job and the others go in.
 */
@Service
public class DeviceImport {

    public static final String KIND = "lorawan-device-import";
    /** 10,000 rows of generous length. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final DeviceAdministration devices;
    private final DeviceTypes types;
    private final Jobs jobs;

    public DeviceImport(DeviceAdministration devices, DeviceTypes types, Jobs jobs) {
        this.devices = devices;
        this.types = types;
        this.jobs = jobs;
    }

    /**
     * Checks the file and starts the job.
     *
     * @param charset the charset the upload declares, or null (then UTF-8, else Windows-1252)
     */
    public Job start(long tenantId, byte[] csv, Charset charset, String startedBy) {
        if (csv.length > MAX_BYTES) {
            throw tooLarge();
        }
        List<ImportedDevice> rows = DeviceCsv.read(CsvTable.read(CsvTable.decode(csv, charset)),
                new UsableTypeNames(types.usable(tenantId)));
        return jobs.start(tenantId, KIND, startedBy, rows, row -> "line " + row.line() + " (" + row.devEui() + ")",
                row -> register(tenantId, row));
    }

    public static ApiException tooLarge() {
        return ApiException.payloadTooLarge("A device file may have at most " + MAX_BYTES / (1024 * 1024) + " MiB.");
    }

    private void register(long tenantId, ImportedDevice row) {
        devices.register(tenantId, new DeviceRegistration(row.devEui(), row.name(), row.description(),
                row.deviceType(), row.position() == null ? null : row.position().geoJson(), null));
    }
}
