package de.gemeinwerk.platform.error;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Recognises database failures that say "not now" rather than "never": a deadlock or serialization failure (the
 * transaction was rolled back and would succeed again), a lock or statement timeout, a database that is starting,
 * shutting down or out of connections. The client gets a 503 with Retry-After for these — its request was not carried
 * out and may simply be sent again — instead of a 500 that suggests a bug; a job tries such an item again itself.
 */
public final class TransientDatabaseErrors {

    /** SQLSTATE classes: 08 connection exception, 40 transaction rollback (40001, 40P01), 53 insufficient resources. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53");
    /** lock_not_available, query_canceled (statement timeout), admin/crash shutdown, cannot_connect_now. */
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "57014", "57P01", "57P02", "57P03");

    private static final Set<String> ROLLED_BACK_STATES = Set.of("55P03", "57014");

    private TransientDatabaseErrors() {
    }

    /** The SQLSTATE (or the JDBC driver's transient exception) anywhere in the cause chain marks it as transient. */
    public static boolean isTransient(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLTransientException
                || cause instanceof SQLException sql && sql.getSQLState() != null && isTransient(sql.getSQLState()));
    }

    /**
     * Whether the failure certainly rolled the transaction back, so that doing the same again is safe: a transaction
     * rollback (class 40), a lock not available (55P03) or a cancelled statement (57014). Not a lost connection
     * (class 08): the commit may have reached the database before the connection broke.
     */
    public static boolean isRolledBack(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("40") || ROLLED_BACK_STATES.contains(sql.getSQLState())));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    static boolean isTransient(String sqlState) {
        return sqlState.length() == 5
                && (TRANSIENT_CLASSES.contains(sqlState.substring(0, 2)) || TRANSIENT_STATES.contains(sqlState));
    }
}
