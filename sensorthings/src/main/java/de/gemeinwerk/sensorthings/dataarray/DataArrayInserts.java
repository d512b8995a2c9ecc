package de.gemeinwerk.sensorthings.dataarray;

import de.gemeinwerk.platform.error.ApiException;
import de.gemeinwerk.sensorthings.sql.SqlErrors;
import de.gemeinwerk.sensorthings.write.ObservationInserts;
import de.gemeinwerk.sensorthings.write.ObservationInserts.Outcome;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Arrays;
import java.util.List;

/**
 * Stores the rows of one CreateObservations request in the caller's transaction, a chunk of rows per
 * {@link ObservationInserts} statement: big enough that a round trip carries thousands of rows, small enough
 * that the statement's parameter arrays stay a few megabytes. Rows whose Datastream or FeatureOfInterest is
 * missing are rejected by the statement itself; a value the database refuses (SQLSTATE class 22/23) fails the
 * whole statement, so each chunk runs under a savepoint and is halved until the culprit is alone.
 */
public final class DataArrayInserts {

    static final int ROWS_PER_STATEMENT = 5_000;

    private DataArrayInserts() {}

    /** The outcome of each row, in the order of the rows. */
    public static Outcome[] insert(Connection connection, List<ObservationInserts.Row> rows) throws SQLException {
        Outcome[] outcomes = new Outcome[rows.size()];
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            insert(connection, rows, from, Math.min(rows.size(), from + ROWS_PER_STATEMENT), outcomes);
        }
        return outcomes;
    }

    private static void insert(Connection connection, List<ObservationInserts.Row> rows, int from, int to,
                               Outcome[] outcomes) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            ObservationInserts.insert(connection, rows.subList(from, to),
                    (index, outcome) -> outcomes[from + index] = outcome);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            if (!(SqlErrors.translate(e, "the Observation cannot be stored", "body") instanceof ApiException refused)) {
                throw e;
            }
            connection.rollback(savepoint);
            // rows settled before the failure were rolled back with it
            Arrays.fill(outcomes, from, to, null);
            if (to - from == 1) {
                outcomes[from] = new Outcome.Rejected(refused);
                return;
            }
            int middle = (from + to) >>> 1;
            insert(connection, rows, from, middle, outcomes);
            insert(connection, rows, middle, to, outcomes);
        }
    }
}
