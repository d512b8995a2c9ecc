package de.gemeinwerk.sensorthings.write;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;

/** The navigation back: Thing/Datastreams ↔ Datastream/Thing, Thing/Locations ↔ Location/Things. */
final class Inverses {

    private Inverses() {}

    static Navigation of(EntityType source, Navigation navigation) {
        return navigation.target().navigations().stream()
                .filter(back -> back.target() == source && inverse(navigation.relation(), back.relation()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no inverse of " + source.entityName() + "/" + navigation.name()));
    }

    private static boolean inverse(Relation there, Relation back) {
        return switch (there) {
            case Relation.TargetColumn t -> back instanceof Relation.SourceColumn s && s.column().equals(t.column());
            case Relation.SourceColumn s -> back instanceof Relation.TargetColumn t && t.column().equals(s.column());
            case Relation.LinkTable l -> back instanceof Relation.LinkTable b && b.table().equals(l.table())
                    && b.sourceColumn().equals(l.targetColumn());
        };
    }
}
