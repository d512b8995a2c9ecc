package de.gemeinwerk.lorawan.quarantine;

import de.gemeinwerk.lorawan.ingest.DeviceRoutes;
import de.gemeinwerk.lorawan.ingest.UplinkReplay;
import de.gemeinwerk.lorawan.registry.Device;
import de.gemeinwerk.lorawan.registry.DeviceRegistration;
import de.gemeinwerk.lorawan.registry.Devices;
import de.gemeinwerk.sensorthings.sql.SqlErrors;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Adopting a quarantined device: it is registered and its kept uplinks become Observations, in time order, in one
 * transaction — all or nothing. Uplinks that still cannot (a decoder failing on them) stay, with the reason.
 * Replaying does the second half for a device already registered, once the cause is fixed.
 */
@Service
public class Adoption {

    /** @param stillKept uplinks left in the quarantine, with the reason */
    public record Adopted(Device device, int observations, int stillKept) {
    }

    private final Devices devices;
    private final Quarantine quarantine;
    private final UplinkReplay uplinkReplay;
    private final DeviceRoutes routes;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    public Adoption(Devices devices, Quarantine quarantine, UplinkReplay replay, DeviceRoutes routes,
                    DataSource dataSource, PlatformTransactionManager transactions) {
        this.devices = devices;
        this.quarantine = quarantine;
        this.uplinkReplay = replay;
        this.routes = routes;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Adopted adopt(long tenantId, String devEui, DeviceRegistration registration) {
        return run(tenantId, devEui, () -> {
            List<Quarantine.Kept> kept = quarantine.lock(tenantId, devEui);
            devices.register(tenantId, devEui, registration);
            return replay(tenantId, devEui, kept);
        });
    }

    public Adopted replay(long tenantId, String devEui) {
        return run(tenantId, devEui, () -> {
            devices.require(tenantId, devEui);
            return replay(tenantId, devEui, quarantine.lock(tenantId, devEui));
        });
    }

    private Adopted run(long tenantId, String devEui, Supplier<Adopted> work) {
        try {
            return transaction.execute(status -> work.get());
        } finally {
            routes.invalidate(tenantId, devEui);
        }
    }

    private Adopted replay(long tenantId, String devEui, List<Quarantine.Kept> kept) {
        try {
            UplinkReplay.Result result = uplinkReplay.replay(DataSourceUtils.getConnection(dataSource), tenantId,
                    devEui, kept.stream().map(Quarantine.Kept::uplink).toList());
            List<Long> replayed = new ArrayList<>();
            for (int i = 0; i < kept.size(); i++) {
                if (!result.stillKept().containsKey(i)) {
                    replayed.add(kept.get(i).id());
                }
            }
            quarantine.remove(tenantId, replayed);
            for (Map.Entry<Integer, String> left : result.stillKept().entrySet()) {
                quarantine.keepWithReason(tenantId, kept.get(left.getKey()).id(), left.getValue());
            }
            return new Adopted(devices.require(tenantId, devEui), result.observations(), result.stillKept().size());
        } catch (SQLException e) {
            throw SqlErrors.translate(e, "the kept uplinks of " + devEui + " cannot be stored", "quarantine");
        }
    }
}
