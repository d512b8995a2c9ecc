package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One FROM clause being built: its root table alias, the LEFT JOINs that to-one navigation in a
 * filter or ordering needs (Observation -> Datastream -> Thing; each navigation chain is joined once), and who reads
 * ({@link ReadScope}), which every table it names goes through.
 */
final class Scope {

    private final EntityType type;
    private final String alias;
    private final Aliases aliases;
    private final ReadScope reader;
    private final List<Sql> joins = new ArrayList<>();
    private final Map<String, String> joinedAliases = new HashMap<>();

    Scope(EntityType type, String alias, Aliases aliases, ReadScope reader) {
        this.type = type;
        this.alias = alias;
        this.aliases = aliases;
        this.reader = reader;
    }

    /** A new statement's root scope. */
    static Scope root(EntityType type, String alias, ReadScope reader) {
        return new Scope(type, alias, new Aliases(), reader);
    }

    /** The scope of a subquery (EXISTS over a collection) inside this one: same aliases, same reader. */
    Scope inner(EntityType innerType) {
        return new Scope(innerType, aliases.next("x"), aliases, reader);
    }

    ReadScope reader() { return reader; }

    EntityType type() { return type; }

    String alias() { return alias; }

    Aliases aliases() { return aliases; }

    /** The alias of the entity reached from this scope's root by the given to-one hops. */
    String aliasAfter(List<Navigation> toOneHops) {
        String current = alias;
        StringBuilder key = new StringBuilder();
        for (Navigation hop : toOneHops) {
            key.append('/').append(hop.name());
            String known = joinedAliases.get(key.toString());
            if (known == null) {
                String column = ((Relation.SourceColumn) hop.relation()).column();
                known = aliases.next("j");
                joins.add(Sql.of(" left join " + reader.table(hop.target(), known, hop)
                        + " on " + known + ".id = " + current + "." + column));
                joinedAliases.put(key.toString(), known);
            }
            current = known;
        }
        return current;
    }

    /** The joins collected so far, to place after the FROM item. */
    Sql joins() {
        return Sql.concat(joins.toArray());
    }

    /** Hands out unique table aliases within one statement. */
    static final class Aliases {
        private int counter;

        String next(String prefix) {
            return prefix + (++counter);
        }
    }
}
