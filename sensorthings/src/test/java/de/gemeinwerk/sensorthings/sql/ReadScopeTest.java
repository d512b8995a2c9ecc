package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.options.QueryOptionsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visibility in the compiled SQL, without a database: a reader who sees everything gets the statements as before
 * (no condition at all), a reader kept from private entities gets the visible rows of every table reference — except
 * where a parent already checked implies them, so a path or expand does not repeat the check per row.
 */
class ReadScopeTest {

    private static final ReadScope ALL = ReadScope.all(7);
    private static final ReadScope PUBLIC = new ReadScope(7, true);

    private static Sql page(Target target, ReadScope reader, Map<String, String> options) {
        return SelectStatements.page(target, reader, QueryOptionsParser.parse(options),
                Projection.of(target.type(), List.of()), GeoResults.NONE, 10, 0);
    }

    private static Navigation nav(EntityType from, String name) {
        return from.navigation(name).orElseThrow();
    }

    @Test
    void aReaderWhoSeesEverythingGetsNoConditionAnywhere() {
        for (EntityType type : EntityType.values()) {
            Sql collection = page(Target.collection(type), ALL, Map.of());
            assertThat(collection.text()).as(type.setName()).doesNotContain("is_public");
            for (Navigation navigation : type.navigations()) {
                Sql path = page(Target.navigation(type, 1, navigation, null), ALL, Map.of());
                Sql expand = SelectStatements.expand(type, navigation, new long[] {1}, ALL, QueryOptions.NONE,
                        Projection.of(navigation.target(), List.of()), GeoResults.NONE, 10, 0, true);
                assertThat(path.text() + expand.text()).as("%s/%s", type.setName(), navigation.name())
                        .doesNotContain("is_public");
            }
        }
        assertThat(page(Target.collection(EntityType.SENSOR), ALL, Map.of("$filter", "Datastreams/Thing/name eq 'x'"))
                .text()).doesNotContain("is_public");
    }

    @Test
    void hiddenRowsAreLeftOutOfEveryCollectionOfTheirTypes() {
        assertThat(page(Target.collection(EntityType.THING), PUBLIC, Map.of()).text())
                .startsWith("select e.id").contains(" from (select t.* from sta_thing t where t.is_public) e where e.tenant_id = ?");
        for (EntityType type : List.of(EntityType.DATASTREAM, EntityType.MULTI_DATASTREAM, EntityType.LOCATION,
                EntityType.HISTORICAL_LOCATION, EntityType.OBSERVATION, EntityType.FEATURE_OF_INTEREST)) {
            assertThat(page(Target.collection(type), PUBLIC, Map.of()).text()).as(type.setName()).contains("is_public");
        }
        assertThat(page(Target.collection(EntityType.FEATURE_OF_INTEREST), PUBLIC, Map.of()).text())
                .contains("from (select f.* from sta_feature_of_interest f where f.generated_from_location_id is null or");
        for (EntityType shared : List.of(EntityType.SENSOR, EntityType.OBSERVED_PROPERTY)) {
            assertThat(page(Target.collection(shared), PUBLIC, Map.of()).text()).as(shared.setName())
                    .doesNotContain("is_public");
        }
    }

    @Test
    void theObservationsOfTheTenantAreKeptToVisibleDatastreamsInTheirTenancyCondition() {
        String sql = page(Target.collection(EntityType.OBSERVATION), PUBLIC, Map.of()).text();
        assertThat(sql).contains("from sta_observation e where (e.datastream_id in (select d.id from (select d.* from"
                + " sta_datastream d join sta_thing dt on dt.id = d.thing_id where d.is_public and dt.is_public) d"
                + " where d.tenant_id = ?)");
    }

    @Test
    void whatAVisibleParentImpliesIsNotCheckedAgain() {
        List<Navigation> implied = List.of(nav(EntityType.DATASTREAM, "Observations"),
                nav(EntityType.MULTI_DATASTREAM, "Observations"), nav(EntityType.THING, "Locations"),
                nav(EntityType.THING, "HistoricalLocations"), nav(EntityType.DATASTREAM, "Thing"),
                nav(EntityType.OBSERVATION, "Datastream"), nav(EntityType.HISTORICAL_LOCATION, "Thing"),
                nav(EntityType.OBSERVATION, "FeatureOfInterest"));
        for (Navigation navigation : implied) {
            EntityType parent = parentOf(navigation);
            assertThat(page(Target.navigation(parent, 1, navigation, null), PUBLIC, Map.of()).text())
                    .as("%s/%s", parent.setName(), navigation.name()).doesNotContain("is_public");
        }
        List<Navigation> checked = List.of(nav(EntityType.THING, "Datastreams"), nav(EntityType.SENSOR, "Datastreams"),
                nav(EntityType.FEATURE_OF_INTEREST, "Observations"), nav(EntityType.LOCATION, "Things"),
                nav(EntityType.LOCATION, "HistoricalLocations"), nav(EntityType.OBSERVED_PROPERTY, "MultiDatastreams"));
        for (Navigation navigation : checked) {
            EntityType parent = parentOf(navigation);
            Sql path = page(Target.navigation(parent, 1, navigation, null), PUBLIC, Map.of());
            Sql expand = SelectStatements.expand(parent, navigation, new long[] {1}, PUBLIC, QueryOptions.NONE,
                    Projection.of(navigation.target(), List.of()), GeoResults.NONE, 10, 0, false);
            assertThat(path.text()).as("%s/%s", parent.setName(), navigation.name()).contains("is_public");
            assertThat(expand.text()).as("$expand %s/%s", parent.setName(), navigation.name()).contains("is_public");
        }
    }

    @Test
    void filtersReachOnlyVisibleRows() {
        String exists = page(Target.collection(EntityType.SENSOR), PUBLIC,
                Map.of("$filter", "Datastreams/name eq 'x'")).text();
        assertThat(exists).contains("exists (select 1 from (select d.* from sta_datastream d join sta_thing dt");
        String lambda = page(Target.collection(EntityType.FEATURE_OF_INTEREST), PUBLIC,
                Map.of("$filter", "Observations/all(o: o/result lt 900)")).text();
        assertThat(lambda).contains("not exists (select 1 from (select o.* from sta_observation o where (o.datastream_id in");
        // the to-one joins of a visible row reach visible rows only: no condition
        String joins = page(Target.collection(EntityType.OBSERVATION), PUBLIC,
                Map.of("$filter", "Datastream/Thing/name eq 'x'")).text();
        assertThat(joins).contains("left join sta_datastream j1 on j1.id = e.datastream_id")
                .contains("left join sta_thing j2 on j2.id = j1.thing_id");
    }

    @Test
    void aSubscriptionsParentIsCheckedAgainOncePerStatement() {
        Target observations = Target.navigation(EntityType.DATASTREAM, 3, nav(EntityType.DATASTREAM, "Observations"), null);
        Projection projection = Projection.of(EntityType.OBSERVATION, List.of());
        String hidden = SelectStatements.members(observations, PUBLIC, new long[] {1, 2}, projection).text();
        assertThat(hidden).contains("and exists (select 1 from (select d.* from sta_datastream d join sta_thing dt on"
                + " dt.id = d.thing_id where d.is_public and dt.is_public) vp where vp.id = ?)");
        assertThat(SelectStatements.members(observations, ALL, new long[] {1, 2}, projection).text())
                .doesNotContain("is_public").doesNotContain("vp");
    }

    private static EntityType parentOf(Navigation navigation) {
        for (EntityType type : EntityType.values()) {
            if (type.navigations().contains(navigation)) {
                return type;
            }
        }
        throw new IllegalArgumentException(navigation.name());
    }
}
