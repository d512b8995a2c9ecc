package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.query.filter.FilterParser;
import de.gemeinwerk.sensorthings.query.filter.OrderByParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The $filter → SQL compiler, without a database: structure, parameters, type rules, error positions. */
class FilterCompilerTest {

    private static Sql compile(EntityType type, String filter) {
        Scope scope = Scope.root(type, "e", ReadScope.all(7));
        Sql condition = new FilterCompiler("$filter", GeoResults.NONE).condition(FilterParser.parse(filter), scope);
        return Sql.concat(scope.joins(), " where ", condition);
    }

    @Test
    void everyValueFromTheRequestIsABoundParameter() {
        Sql sql = compile(EntityType.THING, "name eq 'x''); drop table tenant; --' or description eq 'y'");
        assertThat(sql.text()).doesNotContain("drop table").contains("?::text");
        assertThat(sql.params()).containsExactly("x'); drop table tenant; --", "y");
    }

    @Test
    void jsonMembersAreReachedByParametersNotByText() {
        Sql sql = compile(EntityType.THING, "properties/owner eq 'a'");
        assertThat(sql.text()).contains("jsonb_extract_path(e.properties, ?)").doesNotContain("owner");
        assertThat(sql.params()).contains("owner");
    }

    @Test
    void toOneNavigationBecomesOneLeftJoinPerChain() {
        Sql sql = compile(EntityType.OBSERVATION, "Datastream/Thing/name eq 'a' and Datastream/name eq 'b'");
        assertThat(sql.text()).containsOnlyOnce("left join sta_datastream").containsOnlyOnce("left join sta_thing");
    }

    @Test
    void toManyNavigationBecomesExists() {
        Sql sql = compile(EntityType.THING, "Datastreams/name eq 'Pegel'");
        assertThat(sql.text()).contains("exists (select 1 from sta_datastream").contains(".thing_id = e.id");
    }

    @Test
    void linkTablesAreJoinedInsideExists() {
        Sql sql = compile(EntityType.THING, "Locations/name eq 'Markt'");
        assertThat(sql.text()).contains("from sta_thing_location").contains("join sta_location");
    }

    @Test
    void allIsNotExistsOfTheNegation() {
        Sql sql = compile(EntityType.THING, "Datastreams/all(d: d/name eq 'a')");
        assertThat(sql.text()).contains("(not exists (").contains("not coalesce(");
    }

    @Test
    void resultComparisonsUseTheTypedColumns() {
        assertThat(compile(EntityType.OBSERVATION, "result gt 5").text()).contains("e.result_number > ?::bigint");
        assertThat(compile(EntityType.OBSERVATION, "result eq 'high'").text()).contains("e.result_string = ?::text");
        assertThat(compile(EntityType.OBSERVATION, "result eq null").text()).contains("e.result_type = 0");
    }

    @Test
    void intervalLessThanKeepsAnIndexFriendlyConditionOnTheStart() {
        String sql = compile(EntityType.OBSERVATION, "phenomenonTime lt 2024-01-01T00:00:00Z").text();
        assertThat(sql).contains("e.phenomenon_time_start < ?").contains("coalesce(e.phenomenon_time_end");
    }

    @Test
    void divisionByZeroIsNullNotAnError() {
        assertThat(compile(EntityType.OBSERVATION, "result div 0 gt 1").text()).contains("nullif(");
    }

    @Test
    void unknownPropertyNamesItsPosition() {
        assertThatThrownBy(() -> compile(EntityType.THING, "name eq 'a' and nmae eq 'b'"))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessageContaining("Thing has no property or navigation 'nmae'")
                .satisfies(e -> assertThat(((QuerySyntaxException) e).position()).isEqualTo(16));
    }

    @Test
    void typeMismatchIsRefused() {
        assertThatThrownBy(() -> compile(EntityType.THING, "name gt 5"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("cannot compare a text with a number");
    }

    @Test
    void membersOfNonJsonPropertiesAreRefused() {
        assertThatThrownBy(() -> compile(EntityType.THING, "name/first eq 'a'"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("has no members");
    }

    @Test
    void aCollectionIsNotAValue() {
        assertThatThrownBy(() -> compile(EntityType.THING, "Datastreams eq 1"))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("is an entity, not a value");
    }

    @Test
    void orderingThroughACollectionIsRefused() {
        Scope scope = Scope.root(EntityType.THING, "e", ReadScope.all(7));
        var orderBy = OrderByParser.parse("Datastreams/name");
        assertThatThrownBy(() -> new FilterCompiler("$orderby", GeoResults.NONE).orderKeys(orderBy.getFirst().expression(), scope))
                .isInstanceOf(QuerySyntaxException.class).hasMessageContaining("is a collection");
    }

    @Test
    void geospatialCallsAreFoundWithTheirOwner() {
        List<GeoCall> calls = GeoCalls.find(FilterParser.parse(
                "st_within(Locations/location, geography'POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))')"), EntityType.THING);
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.owner()).isEqualTo(EntityType.LOCATION);
            assertThat(call.property().name()).isEqualTo("location");
            assertThat(call.literals()).containsExactly(null, "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))");
        });
    }

    @Test
    void geospatialPredicatesBecomeMembershipOfTheMatchingOwners() {
        Scope scope = Scope.root(EntityType.LOCATION, "e", ReadScope.all(7));
        GeoResults results = call -> new GeoResult.Matching(new long[] {3, 7});
        Sql sql = new FilterCompiler("$filter", results).condition(
                FilterParser.parse("st_intersects(location, geography'POINT(1 2)')"), scope);
        assertThat(sql.text()).isEqualTo("(e.id = any(?))");
        assertThat(((SqlArray) sql.params().getFirst()).values()).containsExactly(3L, 7L);
    }
}
