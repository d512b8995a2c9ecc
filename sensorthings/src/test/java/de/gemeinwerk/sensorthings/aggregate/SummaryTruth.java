package de.gemeinwerk.sensorthings.aggregate;

import de.gemeinwerk.sensorthings.observations.HourlyRollup;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is kept per Datastream (hourly rollup, latest Observation, count), compared with what the Observations themselves
 * say right now, straight from the tables. The tests' results are multiples of 1/4, so every sum is exact and the
 * rollup must match to the last bit.
 */
record SummaryTruth(DataSource dataSource) {

    private static final String ROLLUP = "select datastream_id, extract(epoch from hour_start)::bigint, count, sum, min, max from "
            + HourlyRollup.TABLE + " where datastream_id = any(?) order by 1, 2";
    private static final String ROLLUP_OF_OBSERVATIONS = "select datastream_id, "
            + "extract(epoch from " + HourlyRollup.hourOf("phenomenon_time_start") + ")::bigint, count(*), sum(result_number), min(result_number),"
            + " max(result_number) from sta_observation where datastream_id = any(?) and result_number is not null"
            + " group by 1, 2 order by 1, 2";
    private static final String LATEST = "select d, x.latest_id, extract(epoch from x.latest_phenomenon_time_start),"
            + " extract(epoch from x.latest_phenomenon_time_end), x.latest_result_type, x.latest_result_number,"
            + " x.latest_result_string, x.latest_result_boolean, x.latest_result_json::text"
            + " from unnest(?::bigint[]) d left join sta_datastream_extent x on x.datastream_id = d order by d";
    private static final String LATEST_OF_OBSERVATIONS = "select d, l.id, extract(epoch from l.phenomenon_time_start),"
            + " extract(epoch from l.phenomenon_time_end), l.result_type, l.result_number, l.result_string,"
            + " l.result_boolean, l.result_json::text"
            + " from unnest(?::bigint[]) d left join lateral (select * from sta_observation o where o.datastream_id = d"
            + " order by o.phenomenon_time_start desc, o.id desc limit 1) l on true order by d";
    private static final String COUNT = "select d, coalesce(x.observation_count, 0) from unnest(?::bigint[]) d"
            + " left join sta_datastream_extent x on x.datastream_id = d order by d";
    private static final String COUNT_OF_OBSERVATIONS = "select d, (select count(*) from sta_observation o"
            + " where o.datastream_id = d) from unnest(?::bigint[]) d order by d";

    void assertExact(long... datastreams) throws SQLException {
        List<String> rollup = rows(ROLLUP, datastreams);
        assertThat(rollup).as("hourly rollup").isEqualTo(rows(ROLLUP_OF_OBSERVATIONS, datastreams));
        assertThat(rows(LATEST, datastreams)).as("latest Observation and its copy").isEqualTo(rows(LATEST_OF_OBSERVATIONS, datastreams));
        assertThat(rows(COUNT, datastreams)).as("Observation count").isEqualTo(rows(COUNT_OF_OBSERVATIONS, datastreams));
    }

    /** The hourly rollup rows of these Datastreams: "datastream | hour start (epoch seconds) | count | sum | min | max". */
    List<String> rollup(long... datastreams) throws SQLException {
        return rows(ROLLUP, datastreams);
    }

    /** Numbers as values: the driver spells a double 486.0 or 486, depending on the transfer format. */
    private static String value(String text) {
        try {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException | NullPointerException notANumber) {
            return text;
        }
    }

    private List<String> rows(String sql, long[] datastreams) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("bigint", Arrays.stream(datastreams).boxed().toArray()));
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.append(i > 1 ? " | " : "").append(value(rs.getString(i)));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        }
    }
}
