package de.gemeinwerk.sensorthings.read;

import de.gemeinwerk.sensorthings.model.EntityType;
import de.gemeinwerk.sensorthings.model.Navigation;
import de.gemeinwerk.sensorthings.query.QuerySyntaxException;
import de.gemeinwerk.sensorthings.query.options.QueryOptions;
import de.gemeinwerk.sensorthings.query.options.QueryOptions.ExpandItem;
import de.gemeinwerk.sensorthings.sql.Projection;

import java.util.ArrayList;
import java.util.List;

/**
 * One navigation to expand, with its own options and projection, and what to expand below it.
 * {@code $expand=Datastreams/Observations,Datastreams($select=name)} becomes one Datastreams node
 * (with $select=name) holding an Observations node.
 */
public record ExpandNode(Navigation navigation, QueryOptions options, Projection projection, List<ExpandNode> children) {

    public static List<ExpandNode> of(EntityType type, List<ExpandItem> items) {
        List<ExpandNode> nodes = new ArrayList<>();
        for (ExpandItem item : items) {
            merge(nodes, type, item.path(), item.options(), item.position());
        }
        return nodes;
    }

    /**
     * The options that read one page of this node's collection as a request of its own, on the navigation URL
     * (for {@code @iot.nextLink}): this item's options, with the expansions below it as merged from all $expand
     * items, so that {@code $expand=Datastreams($top=1),Datastreams/Thing} continues with the Thing expanded too.
     * A null top or skip is left out, as in the options parsed.
     */
    public QueryOptions pageOptions(Integer top, Integer skip) {
        List<ExpandItem> expandBelow = children.stream()
                // Positions locate errors in parsed text; these items are written, not parsed.
                .map(child -> new ExpandItem(List.of(child.navigation.name()),
                        child.pageOptions(child.options.top(), child.options.skip()), 0))
                .toList();
        return new QueryOptions(top, skip, options.count(), options.orderBy(), options.select(), expandBelow,
                options.filter(), null);
    }

    private static void merge(List<ExpandNode> nodes, EntityType type, List<String> path, QueryOptions options, int position) {
        String name = path.getFirst();
        Navigation navigation = type.navigation(name).orElseThrow(() -> new QuerySyntaxException("$expand", position,
                type.entityName() + " has no navigation property '" + name + "'; it has "
                        + type.navigations().stream().map(Navigation::name).toList()));
        boolean last = path.size() == 1;
        QueryOptions own = last ? options : QueryOptions.NONE;
        ExpandNode node = nodes.stream().filter(n -> n.navigation.equals(navigation)).findFirst().orElse(null);
        if (node == null) {
            node = new ExpandNode(navigation, own, Projection.of(navigation.target(), own.select(), "$expand"),
                    new ArrayList<>(of(navigation.target(), own.expand())));
            nodes.add(node);
        } else if (last) {
            int index = nodes.indexOf(node);
            List<ExpandNode> children = new ArrayList<>(node.children);
            for (ExpandNode extra : of(navigation.target(), own.expand())) {
                children.add(extra);
            }
            node = new ExpandNode(navigation, own, Projection.of(navigation.target(), own.select(), "$expand"), children);
            nodes.set(index, node);
        }
        if (!last) {
            merge(node.children, navigation.target(), path.subList(1, path.size()), options, position);
        }
    }
}
