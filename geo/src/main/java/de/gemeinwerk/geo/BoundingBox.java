package de.gemeinwerk.geo;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The 2D bounding box of a geometry (finite, or {@link #EMPTY}), as stored in the columns min_x, min_y, max_x, max_y so that SQL can
 * discard rows before the exact predicate is evaluated in Java. Edges are inclusive: boxes that only
 * touch intersect, as geometries that only touch do.
 *
 * <p>The box of an empty geometry is {@link #EMPTY}, stored as (+∞, +∞, −∞, −∞): every overlap test
 * {@code min <= otherMax && max >= otherMin} against it is false, in Java and in SQL alike, which is
 * right because an empty geometry intersects nothing.
 */
public record BoundingBox(double minX, double minY, double maxX, double maxY) {

    public static final BoundingBox EMPTY = new BoundingBox(
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);

    public BoundingBox {
        boolean empty = minX == Double.POSITIVE_INFINITY && minY == Double.POSITIVE_INFINITY
                && maxX == Double.NEGATIVE_INFINITY && maxY == Double.NEGATIVE_INFINITY;
        // finite corners keep the EMPTY box the only one with infinities, so no box can intersect it;
        // the comparisons are written so that NaN fails too
        boolean finite = Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(maxX) && Double.isFinite(maxY);
        if (!empty && !(finite && minX <= maxX && minY <= maxY)) {
            throw new IllegalArgumentException(
                    "not a bounding box: (" + minX + ", " + minY + ") to (" + maxX + ", " + maxY + ")");
        }
    }

    public static BoundingBox of(Geometry geometry) {
        Envelope envelope = geometry.getEnvelopeInternal();
        if (envelope.isNull()) {
            return EMPTY;
        }
        return new BoundingBox(envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY());
    }

    public boolean isEmpty() {
        return minX > maxX;
    }

    /** Whether the boxes share at least one point; never true for an empty box. */
    public boolean intersects(BoundingBox other) {
        return minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY;
    }

    /**
     * This box grown by {@code distance} on every side. Everything within planar distance d of a geometry
     * lies in its box expanded by d, so {@code geo.distance(a, b) le d} can be prefiltered with
     * {@code box(a).intersects(box(b).expandedBy(d))}. An empty box stays empty.
     */
    public BoundingBox expandedBy(double distance) {
        if (!(distance >= 0) || distance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("a box can only be expanded by a finite distance >= 0, not " + distance);
        }
        if (isEmpty()) {
            return this;
        }
        return new BoundingBox(minX - distance, minY - distance, maxX + distance, maxY + distance);
    }
}
