package de.gemeinwerk.sensorthings.query.options;

import de.gemeinwerk.sensorthings.query.filter.BinaryExpr;
import de.gemeinwerk.sensorthings.query.filter.Expr;
import de.gemeinwerk.sensorthings.query.filter.FilterFunctions;
import de.gemeinwerk.sensorthings.query.filter.FilterParser;
import de.gemeinwerk.sensorthings.query.filter.FunctionCall;
import de.gemeinwerk.sensorthings.query.filter.InExpr;
import de.gemeinwerk.sensorthings.query.filter.LambdaExpr;
import de.gemeinwerk.sensorthings.query.filter.PropertyPath;
import de.gemeinwerk.sensorthings.query.filter.UnaryExpr;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Random $filter trees of every node kind, every operator and literal type, with all positions 0: they nest
 * operators in combinations no hand-written example list covers, which is where parentheses go wrong.
 */
final class RandomExpressions {

    private static final List<Expr> LITERALS = List.of("null", "true", "false", "0", "-7", "42", "1.5", "-0.25",
                    "2e3", "5e0", "'it''s'", "''", "'a&b+c =%;,)'", "'Grüße 🌍'", "2012-06-01T10:30:00.123+02:00",
                    "2012-06-01", "23:59:59.5", "duration'-PT30M'", "geography'POLYGON((0 0, 1 0, 1 1, 0 0))'",
                    "2012-01-01T00:00:00Z/2012-01-02T00:00:00Z")
            .stream().map(FilterParser::parse).toList();
    private static final List<List<String>> PATHS = List.of(List.of("result"), List.of("@iot.id"),
            List.of("Datastream", "Thing", "name"), List.of("properties", "owner"), List.of("eq"));
    private static final List<String> FUNCTIONS = FilterFunctions.names().stream().sorted().toList();

    private final Random random;

    RandomExpressions(long seed) {
        random = new Random(seed);
    }

    /** A tree at most {@code depth} operators deep. */
    Expr next(int depth) {
        if (depth == 0) {
            return random.nextBoolean() ? pick(LITERALS) : path();
        }
        return switch (random.nextInt(6)) {
            case 0 -> new BinaryExpr(pick(List.of(BinaryExpr.Operator.values())), next(depth - 1), next(depth - 1), 0);
            case 1 -> new UnaryExpr(pick(List.of(UnaryExpr.Operator.values())), next(depth - 1), 0);
            case 2 -> new InExpr(next(depth - 1), list(1 + random.nextInt(3), depth - 1), 0);
            case 3 -> call(depth - 1);
            case 4 -> lambda(depth - 1);
            default -> next(0);
        };
    }

    private PropertyPath path() {
        return new PropertyPath(pick(PATHS), 0);
    }

    private FunctionCall call(int depth) {
        String name = pick(FUNCTIONS);
        FilterFunctions.Arity arity = FilterFunctions.arity(name).orElseThrow();
        return new FunctionCall(name, list(arity.min() + random.nextInt(arity.max() - arity.min() + 1), depth), 0);
    }

    private LambdaExpr lambda(int depth) {
        LambdaExpr.Kind kind = pick(List.of(LambdaExpr.Kind.values()));
        return random.nextInt(4) == 0 ? new LambdaExpr(kind, path(), null, null, 0)
                : new LambdaExpr(kind, path(), "x", next(depth), 0);
    }

    private List<Expr> list(int size, int depth) {
        return IntStream.range(0, size).mapToObj(i -> next(depth)).toList();
    }

    private <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
