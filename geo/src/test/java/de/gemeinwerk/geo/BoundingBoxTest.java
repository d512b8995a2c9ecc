package de.gemeinwerk.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundingBoxTest {

    private static final BoundingBox UNIT = new BoundingBox(0, 0, 1, 1);

    @Test
    void isThe2dEnvelopeOfTheGeometry() {
        assertThat(BoundingBox.of(WktReader.read("POINT(1 2)"))).isEqualTo(new BoundingBox(1, 2, 1, 2));
        assertThat(BoundingBox.of(WktReader.read("LINESTRING(3 -1 100, -2 4 -100)"))).isEqualTo(new BoundingBox(-2, -1, 3, 4));
        assertThat(BoundingBox.of(WktReader.read("GEOMETRYCOLLECTION(POINT(0 0), POLYGON((5 5, 9 5, 9 7, 5 5)))")))
                .isEqualTo(new BoundingBox(0, 0, 9, 7));
    }

    @Test
    void ofAnEmptyGeometryIsEmptyAndIntersectsNothing() {
        BoundingBox empty = BoundingBox.of(WktReader.read("POLYGON EMPTY"));

        assertThat(empty).isEqualTo(BoundingBox.EMPTY);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(UNIT.isEmpty()).isFalse();
        assertThat(empty.intersects(UNIT)).isFalse();
        assertThat(UNIT.intersects(empty)).isFalse();
        assertThat(empty.intersects(empty)).isFalse();
        assertThat(empty.intersects(new BoundingBox(-Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE)))
                .isFalse();
    }

    @Test
    void intersectsWhenOverlappingOrTouching() {
        assertThat(UNIT.intersects(new BoundingBox(0.5, 0.5, 2, 2))).isTrue();
        assertThat(UNIT.intersects(new BoundingBox(0.2, 0.2, 0.3, 0.3))).as("inside").isTrue();
        assertThat(UNIT.intersects(new BoundingBox(1, 0, 2, 1))).as("sharing an edge").isTrue();
        assertThat(UNIT.intersects(new BoundingBox(1, 1, 2, 2))).as("sharing a corner").isTrue();
        assertThat(UNIT.intersects(new BoundingBox(0.5, 0.5, 0.5, 0.5))).as("a point box").isTrue();
    }

    @Test
    void doesNotIntersectWhenApartOnEitherAxis() {
        assertThat(UNIT.intersects(new BoundingBox(1.1, 0, 2, 1))).isFalse();
        assertThat(UNIT.intersects(new BoundingBox(0, -2, 1, -0.1))).isFalse();
        assertThat(new BoundingBox(1.1, 0, 2, 1).intersects(UNIT)).isFalse();
    }

    @Test
    void expandsOnEverySide() {
        assertThat(UNIT.expandedBy(2)).isEqualTo(new BoundingBox(-2, -2, 3, 3));
        assertThat(UNIT.expandedBy(0)).isEqualTo(UNIT);
        assertThat(new BoundingBox(1.1, 0, 2, 1).expandedBy(0.1).intersects(UNIT)).isTrue();
        assertThat(BoundingBox.EMPTY.expandedBy(10)).isEqualTo(BoundingBox.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesToExpandByANegativeOrNonFiniteDistance(double distance) {
        assertThatThrownBy(() -> UNIT.expandedBy(distance))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a box can only be expanded by a finite distance >= 0, not " + distance);
    }

    @Test
    void refusesInvertedNanAndInfiniteCorners() {
        assertThatThrownBy(() -> new BoundingBox(2, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a bounding box: (2.0, 0.0) to (1.0, 1.0)");
        assertThatThrownBy(() -> new BoundingBox(0, Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundingBox(Double.NEGATIVE_INFINITY, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
