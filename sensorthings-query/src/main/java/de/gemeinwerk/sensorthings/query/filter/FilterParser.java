package de.gemeinwerk.sensorthings.query.filter;

import de.gemeinwerk.sensorthings.query.QuerySyntaxException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recursive-descent parser of the SensorThings API 1.1 / OData 4 {@code $filter} expression language.
 * Precedence, from loosest to tightest, follows the OData operator table: or; and; eq ne; gt ge lt le and
 * the 4.01 {@code in}; add sub; mul div mod; unary - and not; primaries (literals, paths, calls, groups).
 * All binary operators associate to the left. Keywords and function names are case-sensitive, as the
 * grammar spells them. Every failure is a {@link QuerySyntaxException} positioned at the offending token.
 */
public final class FilterParser {

    /**
     * The deepest nesting accepted (parentheses, calls, lambdas, unary operators; also $expand levels), so that
     * no input can exhaust the stack of these recursive parsers. Chains such as {@code a or b or c} are no
     * nesting: they are parsed in a loop (into a left-deep tree whose depth only the input length bounds).
     */
    public static final int MAX_DEPTH = 100;

    private static final Map<String, BinaryExpr.Operator> EQUALITY =
            Map.of("eq", BinaryExpr.Operator.EQ, "ne", BinaryExpr.Operator.NE);
    private static final Map<String, BinaryExpr.Operator> RELATIONAL = Map.of(
            "gt", BinaryExpr.Operator.GT, "ge", BinaryExpr.Operator.GE,
            "lt", BinaryExpr.Operator.LT, "le", BinaryExpr.Operator.LE);
    private static final Map<String, BinaryExpr.Operator> ADDITIVE =
            Map.of("add", BinaryExpr.Operator.ADD, "sub", BinaryExpr.Operator.SUB);
    private static final Map<String, BinaryExpr.Operator> MULTIPLICATIVE = Map.of(
            "mul", BinaryExpr.Operator.MUL, "div", BinaryExpr.Operator.DIV, "mod", BinaryExpr.Operator.MOD);
    private static final List<String> OPERATORS =
            List.of("eq", "ne", "gt", "ge", "lt", "le", "in", "and", "or", "add", "sub", "mul", "div", "mod");

    private final Tokenizer tokens;
    private int depth;

    private FilterParser(Tokenizer tokens) {
        this.tokens = tokens;
    }

    /** Parses a complete {@code $filter} value; positions are offsets in {@code text}. */
    public static Expr parse(String text) {
        Tokenizer tokens = new Tokenizer("$filter", text);
        Expr expr = parse(tokens);
        tokens.expectEnd("an operator or the end of $filter");
        return expr;
    }

    /**
     * Parses one expression from {@code tokens} and stops before the first token that cannot continue it
     * (',', ';', ')', 'asc', ...), for parsers that embed expressions ($orderby, options nested in $expand).
     */
    public static Expr parse(Tokenizer tokens) {
        Expr expr = new FilterParser(tokens).or();
        rejectMisspelledOperator(tokens);
        return expr;
    }

    private Expr or() {
        Expr left = and();
        while (tokens.peek().isWord("or")) {
            tokens.next();
            left = new BinaryExpr(BinaryExpr.Operator.OR, left, and(), left.position());
        }
        return left;
    }

    private Expr and() {
        Expr left = equality();
        while (tokens.peek().isWord("and")) {
            tokens.next();
            left = new BinaryExpr(BinaryExpr.Operator.AND, left, equality(), left.position());
        }
        return left;
    }

    private Expr equality() {
        Expr left = relational();
        for (BinaryExpr.Operator op; (op = operator(EQUALITY)) != null; ) {
            left = new BinaryExpr(op, left, relational(), left.position());
        }
        return left;
    }

    private Expr relational() {
        Expr left = additive();
        while (true) {
            BinaryExpr.Operator op = operator(RELATIONAL);
            if (op != null) {
                left = new BinaryExpr(op, left, additive(), left.position());
            } else if (tokens.peek().isWord("in")) {
                tokens.next();
                left = new InExpr(left, valueList(), left.position());
            } else {
                return left;
            }
        }
    }

    private Expr additive() {
        Expr left = multiplicative();
        for (BinaryExpr.Operator op; (op = operator(ADDITIVE)) != null; ) {
            left = new BinaryExpr(op, left, multiplicative(), left.position());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        for (BinaryExpr.Operator op; (op = operator(MULTIPLICATIVE)) != null; ) {
            left = new BinaryExpr(op, left, unary(), left.position());
        }
        return left;
    }

    /** Consumes and returns the next token's operator if it is one of {@code operators}. */
    private BinaryExpr.Operator operator(Map<String, BinaryExpr.Operator> operators) {
        Token next = tokens.peek();
        BinaryExpr.Operator op = next.is(Token.Kind.WORD) ? operators.get(next.text()) : null;
        if (op != null) {
            tokens.next();
        }
        return op;
    }

    private Expr unary() {
        Token next = tokens.peek();
        UnaryExpr.Operator op = next.is(Token.Kind.MINUS) ? UnaryExpr.Operator.NEGATE
                : next.isWord("not") ? UnaryExpr.Operator.NOT : null;
        if (op == null) {
            return primary();
        }
        tokens.next();
        enter(next);
        Expr operand = unary();
        depth--;
        return new UnaryExpr(op, operand, next.start());
    }

    private Expr primary() {
        Token next = tokens.peek();
        return switch (next.kind()) {
            case LITERAL -> tokens.next().literal();
            case OPEN -> group();
            case WORD -> word();
            case END -> throw tokens.error(next.start(), "unexpected end of expression");
            default -> throw tokens.unexpected("an expression");
        };
    }

    private Expr group() {
        Token open = tokens.next();
        enter(open);
        Expr inner = or();
        tokens.expect(Token.Kind.CLOSE, "')'");
        depth--;
        return inner;
    }

    private Expr word() {
        Token word = tokens.peek();
        return switch (word.text()) {
            case "true", "false" -> Literal.of(tokens.next().text().equals("true"), word.start());
            case "null" -> Literal.ofNull(tokens.next().start());
            default -> tokens.peek(1).is(Token.Kind.OPEN) ? call() : path();
        };
    }

    private Expr call() {
        Token name = tokens.next();
        FilterFunctions.Arity arity = FilterFunctions.arity(name.text()).orElseThrow(() -> unknownFunction(name));
        Token open = tokens.next();
        enter(open);
        List<Expr> arguments = new ArrayList<>();
        if (!tokens.peek().is(Token.Kind.CLOSE)) {
            do {
                arguments.add(or());
            } while (tokens.accept(Token.Kind.COMMA));
        }
        tokens.expect(Token.Kind.CLOSE, arguments.isEmpty() ? "')'" : "',' or ')'");
        depth--;
        if (!arity.accepts(arguments.size())) {
            throw tokens.error(name.start(), "function '" + name.text() + "' " + arity.describe()
                    + ", got " + arguments.size());
        }
        return new FunctionCall(name.text(), arguments, name.start());
    }

    private QuerySyntaxException unknownFunction(Token name) {
        String lower = name.text().toLowerCase(Locale.ROOT);
        String hint = !lower.equals(name.text()) && FilterFunctions.arity(lower).isPresent()
                ? " (function names are lower case: '" + lower + "')" : "";
        return tokens.error(name.start(), "unknown function '" + name.text() + "'" + hint);
    }

    /** {@code a/b/c}, possibly ending in a lambda {@code a/b/any(x: ...)}. */
    private Expr path() {
        Token first = tokens.next();
        rejectUnknownLiteralPrefix(first);
        List<String> segments = new ArrayList<>(List.of(first.text()));
        while (tokens.peek().is(Token.Kind.SLASH)) {
            tokens.next();
            Token segment = tokens.expect(Token.Kind.WORD, "a property name after '/'");
            if (tokens.peek().is(Token.Kind.OPEN)) {
                if (segment.isWord("any") || segment.isWord("all")) {
                    return lambda(segment, new PropertyPath(segments, first.start()));
                }
                throw tokens.error(tokens.peek().start(), "'(' after '" + segment.text()
                        + "': only 'any' and 'all' can be applied to a path");
            }
            segments.add(segment.text());
        }
        return new PropertyPath(segments, first.start());
    }

    /** {@code datetime'2012-01-01'} (OData 2 style) would otherwise yield a confusing "expected an operator". */
    private void rejectUnknownLiteralPrefix(Token word) {
        Token next = tokens.peek();
        if (next.isLiteral(Literal.Type.STRING) && next.start() == word.end()) {
            throw tokens.error(word.start(), "unknown literal prefix '" + word.text()
                    + "': only duration'...', geography'...' and geometry'...' are typed literals");
        }
    }

    private Expr lambda(Token operator, PropertyPath collection) {
        LambdaExpr.Kind kind = operator.isWord("any") ? LambdaExpr.Kind.ANY : LambdaExpr.Kind.ALL;
        Token open = tokens.next();
        enter(open);
        if (tokens.peek().is(Token.Kind.CLOSE)) {
            tokens.next();
            depth--;
            return new LambdaExpr(kind, collection, null, null, collection.position());
        }
        Token variable = tokens.expect(Token.Kind.WORD, "a lambda variable name or ')'");
        if (!variable.text().matches("[\\p{L}_][\\p{L}\\p{Nd}_]*")) {
            throw tokens.error(variable.start(), "invalid lambda variable name '" + variable.text() + "'");
        }
        tokens.expect(Token.Kind.COLON, "':' after the lambda variable '" + variable.text() + "'");
        Expr predicate = or();
        tokens.expect(Token.Kind.CLOSE, "')'");
        depth--;
        return new LambdaExpr(kind, collection, variable.text(), predicate, collection.position());
    }

    /** The parenthesised right-hand side of {@code in}: {@code ('a', 'b')}. */
    private List<Expr> valueList() {
        Token open = tokens.expect(Token.Kind.OPEN, "'(' after 'in'");
        enter(open);
        List<Expr> values = new ArrayList<>();
        do {
            values.add(or());
        } while (tokens.accept(Token.Kind.COMMA));
        tokens.expect(Token.Kind.CLOSE, "',' or ')'");
        depth--;
        return values;
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw tokens.error(token.start(), "expression is nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
    }

    /** After a complete expression, "EQ" or "And" can only be a mistyped operator, in every embedding context. */
    private static void rejectMisspelledOperator(Tokenizer tokens) {
        Token next = tokens.peek();
        String lower = next.text().toLowerCase(Locale.ROOT);
        if (next.is(Token.Kind.WORD) && !lower.equals(next.text()) && OPERATORS.contains(lower)) {
            throw tokens.error(next.start(), "unknown operator '" + next.text() + "' (operators are lower case: '"
                    + lower + "')");
        }
    }
}
