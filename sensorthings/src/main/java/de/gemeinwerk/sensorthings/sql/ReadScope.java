package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;

/**
 * Who reads: the tenant whose rows a statement may touch, and whether the reader is kept from its private entities
 * (README, "Public and private entities"). {@code hidesPrivate} is true only for a reader without a key of the tenant
 * AND a tenant that has private entities at all, so every other read compiles exactly as without visibility.
 * <p>
 * The one place that knows which rows are visible: every FROM item the compiler writes for an entity table comes
 * from {@link #table}. Visible are
 * <ul>
 *   <li>a Thing that is public; a Datastream or MultiDatastream that is public and whose Thing is;</li>
 *   <li>an Observation whose Datastream or MultiDatastream is visible; a HistoricalLocation whose Thing is;</li>
 *   <li>a Location linked to no Thing or to at least one visible Thing;</li>
 *   <li>a FeatureOfInterest created as such, or generated from a visible Location (it copies the Location's name
 *       and geometry; a visible Observation's generated FeatureOfInterest is a public Thing's Location);</li>
 *   <li>every Sensor and ObservedProperty (they are shared descriptions, see README).</li>
 * </ul>
 * For a reader kept from private entities a table is written as the derived table of its visible rows
 * ({@code (select … where visible) alias}), which PostgreSQL pulls up into the statement, so the planner still uses
 * the tables' indexes. The conditions are per row, except that visible
 * Observations are those of the tenant's visible (Multi)Datastreams, selected once per statement.
 */
public record ReadScope(long tenantId, boolean hidesPrivate) {

    /** A reader who sees everything of the tenant (a key of it, an instance admin, writes, internal reads). */
    public static ReadScope all(long tenantId) {
        return new ReadScope(tenantId, false);
    }

    /** FROM item for the rows of {@code type} this reader may see, aliased {@code alias}. */
    public String table(EntityType type, String alias) {
        return (hidesPrivate ? visibleRows(type) : type.table()) + " " + alias;
    }

    /**
     * FROM item for the rows of {@code type} reached by {@code via} from a row this reader can see (a resolved path
     * parent, the parents of an {@code $expand}, the outer row of a filter): where the parent's visibility implies
     * the target's, no condition is repeated per row.
     */
    public String table(EntityType type, String alias, Navigation via) {
        return hidesPrivate && !impliedByParent(via) ? table(type, alias) : type.table() + " " + alias;
    }

    /**
     * FROM item for a row whose visibility was established in this snapshot already (a path's parent resolved by id,
     * the parents of an {@code $expand}): it is read by id, with no condition.
     */
    public String checked(EntityType type, String alias) {
        return type.table() + " " + alias;
    }

    /**
     * Whether every target of {@code via} is visible when its source is: a to-one target (a visible Datastream's
     * Thing, an Observation's Datastream), a Thing's Locations and HistoricalLocations, a (Multi)Datastream's
     * Observations. A Thing's Datastreams, a Location's Things, a FeatureOfInterest's Observations are not.
     */
    static boolean impliedByParent(Navigation via) {
        if (!via.many()) {
            return true;
        }
        return switch (via.target()) {
            case LOCATION -> via.relation() instanceof Relation.LinkTable link && link.sourceColumn().equals("thing_id");
            case HISTORICAL_LOCATION -> via.relation() instanceof Relation.TargetColumn;
            case OBSERVATION -> via.relation() instanceof Relation.TargetColumn column
                    && !column.column().equals("feature_of_interest_id");
            case THING, DATASTREAM, MULTI_DATASTREAM -> false;
            default -> true;
        };
    }

    private String visibleRows(EntityType type) {
        return switch (type) {
            case THING -> "(select t.* from sta_thing t where t.is_public)";
            case DATASTREAM, MULTI_DATASTREAM -> "(select d.* from " + type.table() + " d join sta_thing dt on dt.id"
                    + " = d.thing_id where d.is_public and dt.is_public)";
            case OBSERVATION -> "(select o.* from sta_observation o where " + ObservationTenancy.text("o", this) + ")";
            case HISTORICAL_LOCATION -> "(select h.* from sta_historical_location h join sta_thing ht on ht.id"
                    + " = h.thing_id where ht.is_public)";
            case LOCATION -> "(select l.* from sta_location l where " + locationVisible("l.id") + ")";
            case FEATURE_OF_INTEREST -> "(select f.* from sta_feature_of_interest f where f.generated_from_location_id"
                    + " is null or " + locationVisible("f.generated_from_location_id") + ")";
            default -> type.table();
        };
    }

    /** Condition that the Location with id {@code location} is linked to no Thing or to at least one public Thing. */
    private static String locationVisible(String location) {
        return "(not exists (select 1 from sta_thing_location ll where ll.location_id = " + location + ")"
                + " or exists (select 1 from sta_thing_location ll join sta_thing lt on lt.id = ll.thing_id"
                + " where ll.location_id = " + location + " and lt.is_public))";
    }
}
