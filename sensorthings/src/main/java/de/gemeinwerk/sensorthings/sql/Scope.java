package de.gemeinwerk.sensorthings.sql;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.model.Relation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One FROM clause being built: its root table alias and the LEFT JOINs that to-one navigation in a
 * filter or ordering needs (Observation -> Datastream -> Thing). Each navigation chain is joined once.
 */
final class Scope {

    private final EntityType type;
    private final String alias;
    private final Aliases aliases;
    private final List<Sql> joins = new ArrayList<>();
    private final Map<String, String> joinedAliases = new HashMap<>();

    Scope(EntityType type, String alias, Aliases aliases) {
        this.type = type;
        this.alias = alias;
        this.aliases = aliases;
    }

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
                joins.add(Sql.of(" left join " + hop.target().table() + " " + known
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
