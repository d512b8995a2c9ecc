package de.gemeinwerk.geo;

/**
 * A DE-9IM intersection-matrix pattern as taken by {@code st_relate(g1, g2, pattern)}: 9 characters from
 * T, F, *, 0, 1, 2 for the cells II, IB, IE, BI, BB, BE, EI, EB, EE (I = interior, B = boundary,
 * E = exterior of the first geometry, then of the second). Lower-case t and f are accepted and
 * upper-cased, as PostGIS does before handing the pattern to GEOS; anything else is refused here rather
 * than silently never matching.
 */
public record De9imPattern(String value) {

    private static final String SYMBOLS = "TF*012";

    public De9imPattern {
        if (value == null) {
            throw new IllegalArgumentException("a DE-9IM pattern is required");
        }
        if (value.length() != 9) {
            throw new IllegalArgumentException(
                    "a DE-9IM pattern has 9 characters, '" + value + "' has " + value.length());
        }
        value = value.replace('t', 'T').replace('f', 'F');
        for (int i = 0; i < value.length(); i++) {
            if (SYMBOLS.indexOf(value.charAt(i)) < 0) {
                throw new IllegalArgumentException("a DE-9IM pattern consists of T, F, *, 0, 1 and 2; '" + value
                        + "' has '" + value.charAt(i) + "' at character " + (i + 1));
            }
        }
    }

    /**
     * Whether every match has an interior or boundary point in common with the other geometry, i.e. the
     * pattern demands a non-empty II, IB, BI or BB cell. Only then do matching geometries necessarily
     * intersect, and only then may a bounding-box overlap be used as a prefilter.
     */
    public boolean requiresIntersection() {
        return demandsPoints(0) || demandsPoints(1) || demandsPoints(3) || demandsPoints(4);
    }

    private boolean demandsPoints(int cell) {
        char symbol = value.charAt(cell);
        return symbol != 'F' && symbol != '*';
    }
}
