package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The statements of MultiDatastream reads, without a database: orders, tenancy, time envelopes, paths. */
class MultiDatastreamStatementsTest {

    private static final Navigation PROPERTIES = EntityType.MULTI_DATASTREAM.navigation("ObservedProperties").orElseThrow();
    private static final Navigation OBSERVATIONS = EntityType.MULTI_DATASTREAM.navigation("Observations").orElseThrow();

    private static Sql page(Target target, Map<String, String> options) {
        QueryOptions parsed = QueryOptionsParser.parse(options);
        return SelectStatements.page(target, ReadScope.all(7), parsed, Projection.of(target.type(), List.of()), GeoResults.NONE, 10, 0);
    }

    @Test
    void aMultiDatastreamsObservedPropertiesComeInTheirPositionsUnlessOrderedOtherwise() {
        Target properties = Target.navigation(EntityType.MULTI_DATASTREAM, 3, PROPERTIES, null);
        assertThat(page(properties, Map.of()).text())
                .contains("order by (select p.position from sta_multi_datastream_observed_property p"
                        + " where p.multi_datastream_id = ? and p.observed_property_id = e.id), e.id");
        assertThat(page(properties, Map.of("$orderby", "name")).text()).doesNotContain("position")
                .contains("order by e.name, e.id");
        Sql expand = SelectStatements.expand(EntityType.MULTI_DATASTREAM, PROPERTIES, new long[] {1, 2}, ReadScope.all(7),
                QueryOptions.NONE, Projection.of(EntityType.OBSERVED_PROPERTY, List.of()), GeoResults.NONE, 10, 0, false);
        assertThat(expand.text()).contains("order by e_l.position, e.id");
    }

    @Test
    void theOtherDirectionAndOtherLinkTablesHaveNoPositions() {
        Navigation back = EntityType.OBSERVED_PROPERTY.navigation("MultiDatastreams").orElseThrow();
        assertThat(page(Target.navigation(EntityType.OBSERVED_PROPERTY, 3, back, null), Map.of()).text())
                .doesNotContain("position").contains("order by e.id");
        Navigation locations = EntityType.THING.navigation("Locations").orElseThrow();
        assertThat(page(Target.navigation(EntityType.THING, 3, locations, null), Map.of()).text())
                .doesNotContain("position");
    }

    @Test
    void observationsOfAMultiDatastreamComeInPhenomenonTimeOrderFromItsColumn() {
        Sql sql = page(Target.navigation(EntityType.MULTI_DATASTREAM, 3, OBSERVATIONS, null), Map.of());
        assertThat(sql.text()).contains("e.multi_datastream_id = ?").contains("order by e.phenomenon_time_start, e.id");
        assertThat(sql.params()).startsWith(3L);
    }

    @Test
    void observationsOfATenantAreThoseOfItsDatastreamsAndOfItsMultiDatastreams() {
        Sql sql = page(Target.collection(EntityType.OBSERVATION), Map.of());
        assertThat(sql.text()).contains("(e.datastream_id in (select d.id from sta_datastream d where d.tenant_id = ?)"
                + " or e.multi_datastream_id in (select m.id from sta_multi_datastream m where m.tenant_id = ?))");
        assertThat(sql.params()).startsWith(7L, 7L);
    }

    @Test
    void theObservationsOfEveryTenantAreReadWithOneStatementText() {
        // distinct texts per tenant would each take a slot of the driver's prepared-statement cache
        for (ReadScope reader : List.of(ReadScope.all(8), new ReadScope(8, true))) {
            Sql other = SelectStatements.page(Target.collection(EntityType.OBSERVATION), reader, QueryOptions.NONE,
                    Projection.of(EntityType.OBSERVATION, List.of()), GeoResults.NONE, 10, 0);
            Sql same = SelectStatements.page(Target.collection(EntityType.OBSERVATION), new ReadScope(7, reader.hidesPrivate()),
                    QueryOptions.NONE, Projection.of(EntityType.OBSERVATION, List.of()), GeoResults.NONE, 10, 0);
            assertThat(other.text()).as("hides private: %s", reader.hidesPrivate()).isEqualTo(same.text());
        }
    }

    @Test
    void aMultiDatastreamsTimesAreComputedFromItsObservationsADatastreamsAreKept() {
        String multi = page(Target.collection(EntityType.MULTI_DATASTREAM), Map.of("$filter",
                "phenomenonTime ge 2024-01-01T00:00:00Z")).text();
        assertThat(multi).contains("(select min(o.phenomenon_time_start) from sta_observation o where o.multi_datastream_id = e.id)")
                .contains("greatest((select max(o.phenomenon_time_start)").doesNotContain("sta_datastream_extent");
        String datastream = page(Target.collection(EntityType.DATASTREAM), Map.of()).text();
        assertThat(datastream).contains("sta_datastream_extent").doesNotContain("multi_datastream_id");
    }

    @Test
    void filtersReachThroughTheNewNavigations() {
        Scope scope = Scope.root(EntityType.OBSERVATION, "e", ReadScope.all(7));
        Sql condition = new FilterCompiler("$filter", GeoResults.NONE).condition(
                de.gemeinwerk.sensorthings.query.filter.FilterParser.parse("MultiDatastream/Thing/name eq 'x'"), scope);
        assertThat(Sql.concat(scope.joins(), " where ", condition).text())
                .contains("left join sta_multi_datastream j1 on j1.id = e.multi_datastream_id")
                .contains("left join sta_thing j2 on j2.id = j1.thing_id");
        Scope things = Scope.root(EntityType.MULTI_DATASTREAM, "e", ReadScope.all(7));
        Sql exists = new FilterCompiler("$filter", GeoResults.NONE).condition(
                de.gemeinwerk.sensorthings.query.filter.FilterParser.parse("ObservedProperties/name eq 'x'"), things);
        assertThat(exists.text()).contains("exists (select 1 from sta_multi_datastream_observed_property x1_l join"
                + " sta_observed_property x1 on x1.id = x1_l.observed_property_id where x1_l.multi_datastream_id = e.id");
    }
}
