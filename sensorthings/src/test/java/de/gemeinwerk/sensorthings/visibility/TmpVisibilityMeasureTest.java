package de.gemeinwerk.sensorthings.visibility;

import de.gemeinwerk.platform.access.ApiKeys;
import de.gemeinwerk.platform.tenant.Tenants;
import de.gemeinwerk.sensorthings.SensorThingsTest;
import de.gemeinwerk.sensorthings.StaClient;
import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.observations.MinutelyObservations;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import de.gemeinwerk.sensorthings.read.ExpandNode;
import de.gemeinwerk.sensorthings.sql.*;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.sql.*;
import java.util.*;

@SensorThingsTest
class TmpVisibilityMeasureTest {
    @LocalServerPort int port;
    @Autowired Tenants tenants;
    @Autowired ApiKeys keys;
    @Autowired DataSource dataSource;
    @Autowired Visibility visibility;

    StaClient setup(String prefix, boolean withPrivate, List<Long> ds, long[] fo) throws SQLException {
        StaClient sta = StaClient.newTenant(port, tenants, keys, prefix);
        long thing = sta.create("Things", "{\"name\": \"M\", \"description\": \"d\"}");
        long sensor = sta.create("Sensors", "{\"name\": \"S\", \"description\": \"d\", \"encodingType\": \"text/html\", \"metadata\": \"m\"}");
        long property = sta.create("ObservedProperties", "{\"name\": \"P\", \"definition\": \"p\", \"description\": \"d\"}");
        for (int i = 0; i < 10; i++) {
            ds.add(sta.create("Datastreams", ("{\"name\": \"D%d\", \"description\": \"d\", \"observationType\": \"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement\", \"unitOfMeasurement\": {\"name\": \"n\", \"symbol\": \"s\", \"definition\": \"d\"},"
                + " \"Thing\": {\"@iot.id\": %d}, \"Sensor\": {\"@iot.id\": %d}, \"ObservedProperty\": {\"@iot.id\": %d}}").formatted(i, thing, sensor, property)));
        }
        long first = sta.create("Datastreams(" + ds.getFirst() + ")/Observations", "{\"result\": 1, \"FeatureOfInterest\": {\"name\": \"F\", \"description\": \"d\", \"encodingType\": \"application/geo+json\", \"feature\": {\"type\": \"Point\", \"coordinates\": [9.5, 51.3]}}}");
        fo[0] = sta.get("Observations(" + first + ")/FeatureOfInterest").get("@iot.id").asLong();
        MinutelyObservations.insert(dataSource, ds, fo[0], 5000);
        if (withPrivate) visibility.setPublic(sta.tenant().id(), EntityType.DATASTREAM, ds.getLast(), false);
        try (Connection c = dataSource.getConnection()) { c.createStatement().execute("vacuum analyze sta_observation"); }
        return sta;
    }

    double exec(Sql sql) throws SQLException {
        double[] t = new double[21];
        try (Connection c = dataSource.getConnection()) {
            for (int i = 0; i < t.length; i++) {
                try (PreparedStatement p = Statements.prepare(c, Sql.concat("explain (analyze, format json) ", sql)); ResultSet rs = p.executeQuery()) {
                    rs.next();
                    String j = rs.getString(1);
                    int k = j.indexOf("\"Execution Time\": ");
                    t[i] = Double.parseDouble(j.substring(k + 18, j.indexOf('\n', k)).replace(",", "").trim().replace("}", "").replace("]", ""));
                }
            }
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }

    double http(StaClient c, String path, String key) {
        long[] t = new long[41];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            var r = c.http().get(c.root() + "/" + StaClient.encode(path), key);
            t[i] = System.nanoTime() - s;
            if (r.statusCode() != 200) throw new IllegalStateException(path + r.body());
        }
        Arrays.sort(t);
        return t[t.length / 2] / 1e6;
    }

    @Test
    void measure() throws Exception {
        List<Long> ds = new ArrayList<>(); long[] fo = new long[1];
        StaClient sta = setup("messung", true, ds, fo);
        List<Long> ds2 = new ArrayList<>(); long[] fo2 = new long[1];
        StaClient plain = setup("ohne", false, ds2, fo2);
        long t = sta.tenant().id();
        ReadScope all = ReadScope.all(t), pub = new ReadScope(t, true);
        Map<String, Target> targets = new LinkedHashMap<>();
        targets.put("Datastreams(d)/Observations $top=1000 desc", Target.navigation(EntityType.DATASTREAM, ds.getFirst(), EntityType.DATASTREAM.navigation("Observations").orElseThrow(), null));
        targets.put("Observations $top=1000 result gt 100", Target.collection(EntityType.OBSERVATION));
        targets.put("FeaturesOfInterest(f)/Observations $top=1000", Target.navigation(EntityType.FEATURE_OF_INTEREST, fo[0], EntityType.FEATURE_OF_INTEREST.navigation("Observations").orElseThrow(), null));
        targets.put("Datastreams $top=100", Target.collection(EntityType.DATASTREAM));
        StringBuilder out = new StringBuilder("\nMEASURE statement | all (as before) ms | hidden ms\n");
        for (var e : targets.entrySet()) {
            Map<String, String> o = e.getKey().contains("desc") ? Map.of("$orderby", "phenomenonTime desc") : e.getKey().contains("gt") ? Map.of("$filter", "result gt 100") : Map.of();
            int top = e.getKey().contains("1000") ? 1000 : 100;
            var q = QueryOptionsParser.parse(o);
            Sql a = SelectStatements.page(e.getValue(), all, q, Projection.of(e.getValue().type(), List.of()), GeoResults.NONE, top, 0);
            Sql h = SelectStatements.page(e.getValue(), pub, q, Projection.of(e.getValue().type(), List.of()), GeoResults.NONE, top, 0);
            out.append("MEASURE ").append(e.getKey()).append(" | ").append(exec(a)).append(" | ").append(exec(h)).append('\n');
        }
        Sql ca = SelectStatements.count(Target.collection(EntityType.OBSERVATION), all, QueryOptionsParser.parse(Map.of("$filter", "result gt 100")), GeoResults.NONE);
        Sql ch = SelectStatements.count(Target.collection(EntityType.OBSERVATION), pub, QueryOptionsParser.parse(Map.of("$filter", "result gt 100")), GeoResults.NONE);
        out.append("MEASURE Observations filtered count | ").append(exec(ca)).append(" | ").append(exec(ch)).append('\n');
        String p1 = "Datastreams(" + ds.getFirst() + ")/Observations?$top=1000";
        String p2 = "Datastreams/$latest";
        String p3 = "Observations?$top=1000&$filter=result gt 100";
        out.append("MEASURE HTTP p50 ms | tenant key (no conditions) | anonymous (conditions) | tenant without private, anonymous\n");
        for (String p : List.of(p1, p2, p3)) {
            String q = p.replace("Datastreams(" + ds.getFirst() + ")", "Datastreams(" + ds2.getFirst() + ")");
            http(sta, p, sta.key()); http(sta, p, null); http(plain, q, null);
            out.append("MEASURE ").append(p).append(" | ").append(http(sta, p, sta.key())).append(" | ").append(http(sta, p, null)).append(" | ").append(http(plain, q, null)).append('\n');
        }
        System.out.println(out);
    }
}
