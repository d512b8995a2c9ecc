package de.gemeinwerk.sensorthings.retention;

import de.gemeinwerk.platform.admin.AdminCommandSet;
import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.platform.tenant.Tenants;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The retention commands of {@code ./gemeinwerk admin} (see {@link #USAGE}), the command-line face of what
 * {@link RetentionAdminController} offers over HTTP, plus applying every policy at once.
 */
public class RetentionCommands implements AdminCommandSet {

    static final String USAGE = """
              observations delete <tenant-slug> <older-than> [<datastream-id> | --multi-datastream <id>]
                  (older-than: 2025-01-01 or 2025-01-01T00:00:00Z; neither id: all Datastreams and MultiDatastreams)
              retention show <tenant-slug>
              retention set <tenant-slug> <days|forever> [<datastream-id>]
              retention unset <tenant-slug> <datastream-id>   (the Datastream follows the tenant's default again)
              retention apply   (applies every tenant's policy now, as the hourly job does)""";

    private static final int OK = 0;
    private static final int FAILED = 1;
    private static final int USAGE_ERROR = 2;
    private static final String FOREVER = "forever";
    private static final String MULTI_DATASTREAM = "--multi-datastream";
    private static final long PROGRESS_EVERY = 100_000;

    private final Tenants tenants;
    private final ObservationRetention retention;
    private final RetentionPolicies policies;
    private final RetentionJob job;

    public RetentionCommands(Tenants tenants, ObservationRetention retention, RetentionPolicies policies, RetentionJob job) {
        this.tenants = tenants;
        this.retention = retention;
        this.policies = policies;
        this.job = job;
    }

    @Override
    public String usage() {
        return USAGE.stripTrailing();
    }

    @Override
    public boolean handles(List<String> command) {
        return command.getFirst().equals("retention") || command.getFirst().equals("observations");
    }

    @Override
    public int execute(List<String> command, PrintStream out, PrintStream err) {
        try {
            String verb = command.size() > 1 ? command.get(1) : "";
            boolean observations = command.getFirst().equals("observations");
            if (observations && verb.equals("delete") && (command.size() == 4 || command.size() == 5
                    || command.size() == 6 && command.get(4).equals(MULTI_DATASTREAM))) {
                return delete(command, out, err);
            }
            if (!observations && verb.equals("show") && command.size() == 3) {
                return print(policies.get(tenant(command)), out);
            }
            if (!observations && verb.equals("set") && (command.size() == 4 || command.size() == 5)) {
                return set(command, out);
            }
            if (!observations && verb.equals("unset") && command.size() == 4) {
                return print(policies.removeForDatastream(tenant(command), id(command.get(3))), out);
            }
            if (!observations && verb.equals("apply") && command.size() == 2) {
                job.apply().forEach(deletion -> deletion.lines().forEach(out::println));
                return OK;
            }
            err.println("Usage: admin <command>\n" + USAGE);
            return USAGE_ERROR;
        } catch (ApiException e) {
            err.println("Error: " + e.getMessage());
            return FAILED;
        } catch (SQLException e) {
            err.println("Error: the retention policies could not be applied: " + e.getMessage());
            return FAILED;
        }
    }

    private int delete(List<String> command, PrintStream out, PrintStream err) {
        Long datastream = command.size() == 5 ? id(command.get(4)) : null;
        Long multiDatastream = command.size() == 6 ? id(command.get(5)) : null;
        ObservationRetention.Deletion deletion = retention.delete(tenant(command), datastream, multiDatastream,
                command.get(3), progress(err));
        deletion.lines().forEach(out::println);
        out.println("Deleted " + deletion.deleted() + " Observations older than " + deletion.olderThan());
        return OK;
    }

    /** A line on standard error now and then, so a deletion of millions of rows shows that it advances. */
    static ObservationPurge.Progress progress(PrintStream err) {
        Map<ObservationParent, Long> deleted = new HashMap<>();
        return (parent, inChunk) -> {
            long before = deleted.getOrDefault(parent, 0L);
            deleted.put(parent, before + inChunk);
            if ((before + inChunk) / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                err.println(parent + ": " + (before + inChunk) + " deleted so far");
            }
        };
    }

    private int set(List<String> command, PrintStream out) {
        Integer days = command.get(3).equals(FOREVER) ? null : days(command.get(3));
        long tenant = tenant(command);
        return print(command.size() == 5 ? policies.setForDatastream(tenant, id(command.get(4)), days)
                : policies.setDefault(tenant, days), out);
    }

    private static int print(RetentionPolicies.Policy policy, PrintStream out) {
        out.println("default\t" + days(policy.keepDays()));
        policy.datastreams().forEach(d -> out.println("Datastream " + d.datastream() + "\t" + days(d.keepDays())));
        return OK;
    }

    private static String days(Integer keepDays) {
        return keepDays == null ? FOREVER : keepDays + " days";
    }

    private long tenant(List<String> command) {
        return tenants.require(command.get(2)).id();
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("an id is a number, not '" + text + "'", "id");
        }
    }

    private static int days(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("keep a number of days or 'forever', not '" + text + "'", "keepDays");
        }
    }
}
