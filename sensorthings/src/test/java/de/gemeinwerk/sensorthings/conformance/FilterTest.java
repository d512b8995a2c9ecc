package de.gemeinwerk.sensorthings.conformance;

import de.gemeinwerk.sensorthings.SensorThingsTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static de.gemeinwerk.sensorthings.conformance.MunicipalData.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * $filter (OGC 18-088, req/request-data/filter, clause 9.3.3.5): every operator and built-in function of
 * the filter grammar, filters through navigation and into JSON, result and time comparisons. Each test
 * asserts the exact set of matching entities of the municipal data set.
 */
@SensorThingsTest
class FilterTest extends ConformanceTestBase {

    /** Observations of one Datastream matching a filter, as indexes into its time-ordered Observations. */
    private List<Integer> observationsOf(String datastream, String filter) {
        List<Long> all = data().observations(datastream);
        List<Integer> indexes = new ArrayList<>();
        for (long id : ids("Datastreams(" + data().datastream(datastream) + ")/Observations?$filter=" + filter)) {
            indexes.add(all.indexOf(id));
        }
        return indexes;
    }

    /** Water level results by index: 0: 88 (2023-12-31T23:59:59Z), 1: 102.5, 2: 110, 3: 131.25, 4: 95 (13:30:15.25). */
    private List<Integer> waterLevel(String filter) {
        return observationsOf(WATER_LEVEL, filter);
    }

    /** NO2 hourly means by index: 0: 10-11 h, 1: 11-12 h, 2: 12-13 h on 2024-05-01. */
    private List<Integer> no2(String filter) {
        return observationsOf(NO2, filter);
    }

    private List<String> thingNames(String filter) {
        return names(sta().get("Things?$orderby=name&$filter=" + filter));
    }

    // ---- comparison and logical operators ------------------------------------------------------

    @Test
    void comparisonOperators_eqNeGtGeLtLe() {
        assertThat(waterLevel("result eq 110")).containsExactly(2);
        assertThat(waterLevel("result ne 110")).containsExactly(0, 1, 3, 4);
        assertThat(waterLevel("result gt 110")).containsExactly(3);
        assertThat(waterLevel("result ge 110")).containsExactly(2, 3);
        assertThat(waterLevel("result lt 95")).containsExactly(0);
        assertThat(waterLevel("result le 95")).containsExactly(0, 4);
        assertThat(waterLevel("110 lt result")).containsExactly(3);
    }

    @Test
    void logicalOperators_andOrNot_withOperatorPrecedence() {
        assertThat(waterLevel("result gt 100 and result lt 120")).containsExactly(1, 2);
        assertThat(waterLevel("result lt 90 or result gt 130")).containsExactly(0, 3);
        assertThat(waterLevel("not (result gt 100)")).containsExactly(0, 4);
        // and binds tighter than or
        assertThat(waterLevel("result lt 90 or result gt 100 and result lt 105")).containsExactly(0, 1);
        assertThat(waterLevel("(result lt 90 or result gt 100) and result lt 105")).containsExactly(0, 1);
        assertThat(waterLevel("(result lt 90 or result gt 100) and result gt 105")).containsExactly(2, 3);
    }

    @Test
    void inOperator() {
        assertThat(waterLevel("result in (88, 110, 7)")).containsExactly(0, 2);
        assertThat(thingNames("name in ('" + GAUGE + "', '" + CAR_PARK + "', 'Rathaus')")).containsExactly(CAR_PARK, GAUGE);
    }

    @Test
    void comparisonWithNull() {
        assertThat(waterLevel("resultTime eq null")).containsExactly(0, 2, 3, 4);
        assertThat(waterLevel("resultTime ne null")).containsExactly(1);
        assertThat(names(sta().get("Things?$filter=properties/capacity ne null"))).containsExactly(CAR_PARK);
    }

    // ---- arithmetic -----------------------------------------------------------------------------

    @Test
    void arithmeticOperators_addSubMulDivMod() {
        assertThat(waterLevel("result add 10 eq 120")).containsExactly(2);
        assertThat(waterLevel("result sub 2.5 eq 100")).containsExactly(1);
        assertThat(waterLevel("result mul 2 eq 262.5")).containsExactly(3);
        assertThat(waterLevel("result div 2 eq 55")).containsExactly(2);
        assertThat(waterLevel("result mod 10 eq 5")).containsExactly(4);
        assertThat(waterLevel("-result lt -130")).containsExactly(3);
        // mul binds tighter than add: 110 + 2 * 10 = 130
        assertThat(waterLevel("result add 2 mul 10 eq 130")).containsExactly(2);
        assertThat(waterLevel("(result add 2) mul 10 eq 1120")).containsExactly(2);
    }

    @Test
    void divisionByZeroMatchesNothingInsteadOfFailing() {
        assertThat(waterLevel("result div 0 eq 1")).isEmpty();
        assertThat(waterLevel("result mod 0 eq 1")).isEmpty();
        assertThat(waterLevel("not (result div 0 eq 1)")).isEmpty();
    }

    // ---- string functions -----------------------------------------------------------------------

    @Test
    void stringFunctions_substringofContainsStartswithEndswith() {
        assertThat(thingNames("substringof('Markt', name)")).containsExactly(CAR_PARK);
        assertThat(thingNames("contains(name, 'hof')")).containsExactly(WASTE_BIN, AIR_STATION);
        assertThat(thingNames("startswith(name, 'P')")).containsExactly(CAR_PARK, GAUGE);
        assertThat(thingNames("endswith(name, 'hof')")).containsExactly(WASTE_BIN, AIR_STATION);
        assertThat(thingNames("not endswith(name, 'hof')")).containsExactly(CAR_PARK, GAUGE);
    }

    @Test
    void stringFunctions_lengthIndexofSubstring() {
        assertThat(thingNames("length(name) eq 14")).containsExactly(GAUGE);
        assertThat(thingNames("indexof(name, 'Am') eq 9")).containsExactly(CAR_PARK);
        assertThat(thingNames("substring(name, 9) eq 'Am Markt'")).containsExactly(CAR_PARK);
        assertThat(thingNames("substring(name, 0, 5) eq 'Pegel'")).containsExactly(GAUGE);
        assertThat(thingNames("substring(name, 6, 3) eq 'Müh'")).containsExactly(GAUGE);
    }

    @Test
    void stringFunctions_tolowerToupperTrimConcat() {
        assertThat(thingNames("tolower(name) eq 'pegel mühlbach'")).containsExactly(GAUGE);
        assertThat(thingNames("toupper(name) eq 'PARKHAUS AM MARKT'")).containsExactly(CAR_PARK);
        assertThat(thingNames("trim(concat('  ', name)) eq '" + AIR_STATION + "'")).containsExactly(AIR_STATION);
        assertThat(thingNames("concat(name, ' (Nord)') eq 'Pegel Mühlbach (Nord)'")).containsExactly(GAUGE);
        assertThat(thingNames("concat(concat(properties/owner, ': '), name) eq 'Stadtwerke: Parkhaus Am Markt'"))
                .containsExactly(CAR_PARK);
    }

    @Test
    void likeWildcardsInStringFunctionsAreLiteralCharacters() {
        assertThat(thingNames("contains(name, '%')")).isEmpty();
        assertThat(thingNames("startswith(name, '_egel')")).isEmpty();
        assertThat(thingNames("endswith(name, '%hof')")).isEmpty();
        assertThat(thingNames("substringof('.*', name)")).isEmpty();
    }

    @Test
    void stringLiteralWithEscapedQuote() {
        assertThat(thingNames("name eq 'O''Brien''s Kiosk'")).isEmpty();
        assertThat(thingNames("not contains(name, '''')")).hasSize(4);
    }

    // ---- date and time functions ----------------------------------------------------------------

    @Test
    void dateFunctions_yearMonthDay() {
        assertThat(waterLevel("year(phenomenonTime) eq 2023")).containsExactly(0);
        assertThat(waterLevel("month(phenomenonTime) eq 12")).containsExactly(0);
        assertThat(waterLevel("day(phenomenonTime) eq 31")).containsExactly(0);
        assertThat(waterLevel("year(phenomenonTime) eq 2024 and month(phenomenonTime) eq 5 and day(phenomenonTime) eq 1"))
                .containsExactly(1, 2, 3, 4);
    }

    @Test
    void timeFunctions_hourMinuteSecondFractionalseconds() {
        assertThat(waterLevel("hour(phenomenonTime) eq 13")).containsExactly(4);
        assertThat(waterLevel("minute(phenomenonTime) eq 30")).containsExactly(4);
        assertThat(waterLevel("second(phenomenonTime) eq 15")).containsExactly(4);
        assertThat(waterLevel("second(phenomenonTime) eq 59")).containsExactly(0);
        assertThat(waterLevel("fractionalseconds(phenomenonTime) eq 0.25")).containsExactly(4);
        assertThat(waterLevel("fractionalseconds(phenomenonTime) gt 0")).containsExactly(4);
    }

    @Test
    void dateAndTimeFunctions_dateTime() {
        assertThat(waterLevel("date(phenomenonTime) eq 2023-12-31")).containsExactly(0);
        assertThat(waterLevel("date(phenomenonTime) gt 2024-01-01")).containsExactly(1, 2, 3, 4);
        assertThat(waterLevel("time(phenomenonTime) lt 11:00:00")).containsExactly(1);
        assertThat(waterLevel("time(phenomenonTime) eq 13:30:15.25")).containsExactly(4);
    }

    @Test
    void dateTimeFunctions_nowMindatetimeMaxdatetime() {
        assertThat(waterLevel("phenomenonTime lt now()")).containsExactly(0, 1, 2, 3, 4);
        assertThat(waterLevel("phenomenonTime gt now()")).isEmpty();
        assertThat(waterLevel("phenomenonTime gt mindatetime()")).containsExactly(0, 1, 2, 3, 4);
        assertThat(waterLevel("phenomenonTime lt maxdatetime()")).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void dateTimeLiteralsWithOffsetsAndDurations() {
        // 2024-05-01T13:00:00+02:00 is 11:00 UTC
        assertThat(waterLevel("phenomenonTime eq 2024-05-01T13:00:00+02:00")).containsExactly(2);
        assertThat(waterLevel("phenomenonTime gt 2024-05-01T11:00:00Z sub duration'PT30M'")).containsExactly(2, 3, 4);
        assertThat(waterLevel("resultTime sub duration'PT5S' eq 2024-05-01T10:00:00Z")).containsExactly(1);
    }

    // ---- math functions -------------------------------------------------------------------------

    @Test
    void mathFunctions_roundFloorCeiling() {
        assertThat(waterLevel("round(result) eq 131")).containsExactly(3);
        assertThat(waterLevel("round(result) eq 103")).containsExactly(1);
        assertThat(waterLevel("floor(result) eq 102")).containsExactly(1);
        assertThat(waterLevel("ceiling(result) eq 132")).containsExactly(3);
        assertThat(waterLevel("floor(result) eq result")).containsExactly(0, 2, 4);
    }

    // ---- results --------------------------------------------------------------------------------

    @Test
    void numericResultComparisonIgnoresTextAndBooleanResults() {
        List<Long> expected = List.of(data().observation(WATER_LEVEL, 1), data().observation(WATER_LEVEL, 2),
                data().observation(WATER_LEVEL, 3), data().observation(FREE_SPACES, 0));
        assertThat(ids("Observations?$filter=result gt 100")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void textResultComparison() {
        assertThat(observationsOf(PARKING_STATUS, "result eq 'voll'")).containsExactly(2);
        assertThat(observationsOf(PARKING_STATUS, "result lt 'g'")).containsExactly(0, 1);
        assertThat(ids("Observations?$filter=result eq 'frei'")).containsExactly(data().observation(PARKING_STATUS, 0));
        assertThat(ids("Observations?$filter=startswith(result, 'b')")).containsExactly(data().observation(PARKING_STATUS, 1));
    }

    @Test
    void booleanResultComparison() {
        assertThat(ids("Observations?$filter=result eq true")).containsExactly(data().observation(OPEN, 0));
        assertThat(ids("Observations?$filter=result eq false")).containsExactly(data().observation(OPEN, 1));
        assertThat(ids("Observations?$filter=result")).containsExactly(data().observation(OPEN, 0));
    }

    // ---- JSON members ---------------------------------------------------------------------------

    @Test
    void jsonMemberComparison_textNumberBooleanAndNested() {
        assertThat(thingNames("properties/owner eq 'Stadtwerke'")).containsExactly(CAR_PARK);
        assertThat(thingNames("properties/district eq 'Mitte'")).containsExactly(WASTE_BIN, CAR_PARK);
        assertThat(thingNames("properties/capacity gt 400")).containsExactly(CAR_PARK);
        assertThat(thingNames("properties/installed lt 2020")).containsExactly(GAUGE);
        assertThat(thingNames("properties/installed add 5 eq 2024")).containsExactly(GAUGE);
        assertThat(thingNames("properties/fillLevelSensor eq false")).containsExactly(WASTE_BIN);
        assertThat(thingNames("properties/contact/department eq 'Gewässer'")).containsExactly(GAUGE);
        assertThat(thingNames("properties/nothing eq 'x'")).isEmpty();
    }

    @Test
    void jsonMemberOrTextResultHoldingADateTimeComparesAsTime() {
        assertThat(thingNames("properties/installedAt lt 2020-01-01T00:00:00Z")).containsExactly(GAUGE);
        assertThat(thingNames("properties/installedAt gt 2020-01-01T00:00:00Z")).isEmpty();
        // text that is no date-time ("frei", "Stadtwerke") just does not match
        assertThat(thingNames("properties/owner lt 2020-01-01T00:00:00Z")).isEmpty();
        assertThat(ids("Observations?$filter=result gt 2020-01-01T00:00:00Z")).isEmpty();
    }

    @Test
    void jsonMembersOfOtherEntities() {
        assertThat(ids("Datastreams?$filter=unitOfMeasurement/symbol eq 'cm'")).containsExactly(data().datastream(WATER_LEVEL));
        assertThat(ids("Datastreams?$filter=properties/alarmLevel ge 130")).containsExactly(data().datastream(WATER_LEVEL));
        assertThat(ids("Observations?$filter=parameters/method eq 'Stundenmittel'")).containsExactly(data().observation(NO2, 0));
        assertThat(ids("Observations?$filter=resultQuality/flag eq 'validiert'")).containsExactly(data().observation(NO2, 0));
    }

    // ---- navigation -----------------------------------------------------------------------------

    @Test
    void filterThroughToOneNavigation() {
        List<Long> carPark = new ArrayList<>(data().observations(PARKING_STATUS));
        carPark.addAll(data().observations(FREE_SPACES));
        carPark.addAll(data().observations(OPEN));
        assertThat(ids("Observations?$filter=Datastream/Thing/name eq '" + CAR_PARK + "'"))
                .containsExactlyInAnyOrderElementsOf(carPark);
        assertThat(ids("Datastreams?$filter=Thing/properties/owner eq 'Umweltamt'")).containsExactly(data().datastream(NO2));
        assertThat(ids("Observations?$filter=Datastream/id eq " + data().datastream(NO2)))
                .containsExactlyElementsOf(data().observations(NO2));
        assertThat(ids("Observations?$filter=FeatureOfInterest/name eq '" + SCHOOL_STREET + "' and result gt 30"))
                .containsExactly(data().observation(NO2, 1), data().observation(NO2, 2));
    }

    @Test
    void filterThroughToManyNavigation() {
        assertThat(thingNames("Datastreams/name eq '" + NO2 + "'")).containsExactly(AIR_STATION);
        assertThat(thingNames("Datastreams/Observations/result gt 130")).containsExactly(GAUGE);
        assertThat(thingNames("Locations/name eq '" + STREAM_LINE + "'")).containsExactly(GAUGE);
        assertThat(ids("Sensors?$filter=Datastreams/Thing/name eq '" + CAR_PARK + "'")).hasSize(3);
    }

    @Test
    void idFilter() {
        long gauge = data().thing(GAUGE);
        assertThat(ids("Things?$filter=id eq " + gauge)).containsExactly(gauge);
        assertThat(ids("Things?$filter=@iot.id eq " + gauge)).containsExactly(gauge);
        assertThat(ids("Things?$filter=id ne " + gauge)).hasSize(3).doesNotContain(gauge);
    }

    // ---- lambda operators -----------------------------------------------------------------------

    @Test
    void anyOverANavigationCollection() {
        assertThat(thingNames("Datastreams/any(d: d/unitOfMeasurement/symbol eq 'cm')")).containsExactly(GAUGE);
        assertThat(thingNames("Datastreams/any()")).containsExactly(AIR_STATION, CAR_PARK, GAUGE);
        assertThat(thingNames("not Datastreams/any()")).containsExactly(WASTE_BIN);
        assertThat(thingNames("Datastreams/any(d: d/Observations/any(o: o/result gt 130))")).containsExactly(GAUGE);
    }

    @Test
    void allOverANavigationCollection_isTrueForAnEmptyOne() {
        assertThat(thingNames("Datastreams/all(d: startswith(d/name, 'Parkhaus'))")).containsExactly(WASTE_BIN, CAR_PARK);
        assertThat(thingNames("Datastreams/any() and Datastreams/all(d: d/Observations/all(o: year(o/phenomenonTime) eq 2024))"))
                .containsExactly(AIR_STATION, CAR_PARK);
    }

    @Test
    void lambdaCombinedWithAConditionThroughToOneNavigation() {
        assertThat(ids("Datastreams?$filter=Observations/any(o: o/result gt 100) and Thing/properties/district eq 'Nord'"))
                .containsExactly(data().datastream(WATER_LEVEL));
    }

    // ---- time: instants and intervals -----------------------------------------------------------

    @Test
    void timeComparisonOnInstantPhenomenonTimes() {
        assertThat(waterLevel("phenomenonTime gt 2024-05-01T11:00:00Z")).containsExactly(3, 4);
        assertThat(waterLevel("phenomenonTime ge 2024-05-01T11:00:00Z")).containsExactly(2, 3, 4);
        assertThat(waterLevel("phenomenonTime eq 2024-05-01T11:00:00Z")).containsExactly(2);
        assertThat(waterLevel("phenomenonTime lt 2024-05-01T11:00:00.000Z")).containsExactly(0, 1);
        assertThat(waterLevel("resultTime eq 2024-05-01T10:00:05Z")).containsExactly(1);
    }

    @Test
    void timeComparisonOnIntervalPhenomenonTimes() {
        // an interval is "gt" an instant when it starts after it, "lt" when it ends before it
        assertThat(no2("phenomenonTime ge 2024-05-01T11:00:00Z")).containsExactly(1, 2);
        assertThat(no2("phenomenonTime gt 2024-05-01T11:30:00Z")).containsExactly(2);
        assertThat(no2("phenomenonTime lt 2024-05-01T12:00:00Z")).containsExactly(0);
        assertThat(no2("phenomenonTime le 2024-05-01T12:00:00Z")).containsExactly(0, 1);
        assertThat(no2("phenomenonTime eq 2024-05-01T11:00:00Z/2024-05-01T12:00:00Z")).containsExactly(1);
        assertThat(no2("validTime eq 2024-05-01T11:00:00Z/2024-05-02T11:00:00Z")).containsExactly(0);
    }

    @Test
    void temporalFunctions_beforeAfterDuringOverlapsMeetsStartsFinishes() {
        assertThat(no2("before(phenomenonTime, 2024-05-01T12:00:00Z)")).containsExactly(0);
        assertThat(no2("after(phenomenonTime, 2024-05-01T11:00:00Z)")).containsExactly(2);
        assertThat(no2("during(phenomenonTime, 2024-05-01T10:00:00Z/2024-05-01T12:00:00Z)")).containsExactly(0, 1);
        assertThat(no2("overlaps(phenomenonTime, 2024-05-01T10:30:00Z/2024-05-01T11:30:00Z)")).containsExactly(0, 1);
        assertThat(no2("meets(phenomenonTime, 2024-05-01T12:00:00Z/2024-05-01T14:00:00Z)")).containsExactly(1);
        assertThat(no2("starts(phenomenonTime, 2024-05-01T11:00:00Z/2024-05-01T11:30:00Z)")).containsExactly(1);
        assertThat(no2("finishes(phenomenonTime, 2024-05-01T12:30:00Z/2024-05-01T13:00:00Z)")).containsExactly(2);
        assertThat(waterLevel("during(phenomenonTime, 2024-05-01T00:00:00Z/2024-05-02T00:00:00Z)")).containsExactly(1, 2, 3, 4);
    }

    @Test
    void datastreamTimesAreIntervalsOverTheirObservations() {
        assertThat(ids("Datastreams?$filter=phenomenonTime lt 2024-01-01T00:00:00Z")).isEmpty();
        assertThat(ids("Datastreams?$filter=overlaps(phenomenonTime, 2023-12-31T00:00:00Z/2024-01-01T00:00:00Z)"))
                .containsExactly(data().datastream(WATER_LEVEL));
        assertThat(ids("Datastreams?$filter=phenomenonTime gt 2024-05-01T09:00:00Z")).containsExactly(data().datastream(NO2));
        assertThat(ids("Datastreams?$filter=phenomenonTime ge 2024-05-01T06:00:00Z&$orderby=name")).containsExactly(
                data().datastream(NO2), data().datastream(PARKING_STATUS), data().datastream(FREE_SPACES),
                data().datastream(OPEN));
    }

    @Test
    void filtersOnTheOtherEntitySets() {
        assertThat(ids("Locations?$filter=encodingType eq 'application/geo+json' and startswith(name, 'Parkhaus')"))
                .containsExactly(data().location(CAR_PARK_AREA));
        assertThat(ids("FeaturesOfInterest?$filter=name eq '" + GAUGE_SITE + "'")).containsExactly(data().feature(GAUGE_SITE));
        assertThat(names(sta().get("Sensors?$filter=encodingType eq 'application/pdf' and contains(name, 'NO2')")))
                .containsExactly("Passivsammler NO2");
        assertThat(names(sta().get("ObservedProperties?$filter=definition eq 'https://example.org/def/wasserstand'")))
                .containsExactly("Wasserstand");
        assertThat(ids("HistoricalLocations?$filter=Thing/name eq '" + AIR_STATION + "' and time le now()")).hasSize(1);
    }
}
