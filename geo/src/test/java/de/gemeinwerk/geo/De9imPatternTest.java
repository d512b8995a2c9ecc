package de.gemeinwerk.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class De9imPatternTest {

    @ParameterizedTest
    @CsvSource({"t*f**f***, T*F**F***", "FF*FF****, FF*FF****", "1020F1102, 1020F1102", "*********, *********"})
    void upperCasesTAndFLikePostgis(String pattern, String expected) {
        assertThat(new De9imPattern(pattern).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "T*F**F**    | a DE-9IM pattern has 9 characters, 'T*F**F**' has 8",
        "T*F**F****  | a DE-9IM pattern has 9 characters, 'T*F**F****' has 10",
        "T*X**F***   | a DE-9IM pattern consists of T, F, *, 0, 1 and 2; 'T*X**F***' has 'X' at character 3",
        "T*F**F**3   | a DE-9IM pattern consists of T, F, *, 0, 1 and 2; 'T*F**F**3' has '3' at character 9",
    })
    void refusesInvalidPatterns(String pattern, String expectedMessage) {
        assertThatThrownBy(() -> new De9imPattern(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(expectedMessage);
    }

    @ParameterizedTest
    @CsvSource({
        "T********, true", "*T*******, true", "***T*****, true", "****0****, true", "1********, true",
        "**T******, false", "*****T***, false", "******T**, false", "FF*FF****, false", "*********, false",
        "F*F**F***, false",
    })
    void requiresAnIntersectionOnlyIfAnInteriorOrBoundaryCellMustBeNonEmpty(String pattern, boolean expected) {
        assertThat(new De9imPattern(pattern).requiresIntersection()).isEqualTo(expected);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> new De9imPattern(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a DE-9IM pattern is required");
    }
}
