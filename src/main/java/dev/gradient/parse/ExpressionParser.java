package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.graph.Attrs;
import dev.gradient.op.Op;
import dev.gradient.op.OpRegistry;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Parses one expression (section 5 of the contract) into draft nodes. Precedence, loosest
 * first: comparisons; {@code + -}; {@code * / @}; unary minus; {@code ^} and {@code **}
 * (right-associative, tighter than unary minus, so {@code -x^2} is {@code -(x^2)}); calls,
 * indexing and slicing. A unary minus may start any operand ({@code x*-y}, {@code 2^-x}).
 *
 * <p>Recursive descent, bounded: every cycle of the recursion passes through {@link #unary},
 * which counts depth against {@link ParseLimits#maxExpressionDepth()}; long flat chains such
 * as {@code x+x+...+x} are loops, not recursion. Not thread-safe: one instance per expression.
 */
final class ExpressionParser {

    private static final Map<String, String> BINARY = Map.ofEntries(
            Map.entry("+", "add"), Map.entry("-", "sub"), Map.entry("*", "mul"), Map.entry("/", "div"),
            Map.entry("@", "matmul"), Map.entry("^", "pow"), Map.entry("**", "pow"),
            Map.entry("<", "lt"), Map.entry("<=", "le"), Map.entry(">", "gt"), Map.entry(">=", "ge"),
            Map.entry("==", "eq"), Map.entry("!=", "ne"));

    private final String text;
    private final String pointer;
    private final String ownerId;
    private final Predicate<String> isDefined;
    private final ParseLimits limits;
    private final OpRegistry ops;
    private final List<DraftNode> out;
    private final List<Token> tokens;
    private int next;
    private int depth;
    private int created;

    /** A reference to a value: a node id or input name, and for a literal its number. */
    private record Ref(String name, Origin origin, Double literal) {
    }

    private ExpressionParser(String text, String pointer, String ownerId, Predicate<String> isDefined,
            ParseLimits limits, OpRegistry ops, List<DraftNode> out) {
        if (text.length() > limits.maxExpressionLength()) {
            throw GradientException.limitExceeded("gradient.limits.max-expression-length", "the expression at " + pointer
                    + " has " + text.length() + " characters; the limit is " + limits.maxExpressionLength());
        }
        this.text = text;
        this.pointer = pointer;
        this.ownerId = ownerId;
        this.isDefined = isDefined;
        this.limits = limits;
        this.ops = ops;
        this.out = out;
        this.tokens = Lexer.tokens(text, pointer);
    }

    /**
     * Parses {@code text} (found at {@code pointer}) and appends its nodes to {@code out}; the
     * result gets the id {@code ownerId}, the nodes under it ids {@code ownerId/1},
     * {@code ownerId/2}, ... . {@code isDefined} says which names are node ids or declared
     * inputs, so that they shadow the constants {@code pi} and {@code e}. Calls name ops of {@code ops}.
     */
    static void parse(String text, String pointer, String ownerId, Predicate<String> isDefined, ParseLimits limits,
            OpRegistry ops, List<DraftNode> out) {
        new ExpressionParser(text, pointer, ownerId, isDefined, limits, ops, out).parseWhole();
    }

    private void parseWhole() {
        int firstNode = out.size();
        Ref result = comparison();
        Token end = peek();
        if (end.kind() != Token.Kind.END) {
            throw syntax(end, "unexpected '" + end.text() + "' at position " + end.position());
        }
        if (result.literal() != null || isLastCreated(result, firstNode)) {
            if (result.literal() != null && !isLastCreated(result, firstNode)) {
                create(DraftNode.constant(fresh(), Tensor.scalar(result.literal()), result.origin()));
            }
            int last = out.size() - 1;
            out.set(last, out.get(last).renamed(ownerId));
        } else {
            // The expression is just a name: the node is that value, under its own id.
            create(DraftNode.apply(fresh(), OpCalls.find(ops, "identity", result.origin()), List.of(result.name()),
                    List.of(result.origin()), Attrs.NONE, result.origin()));
            int last = out.size() - 1;
            out.set(last, out.get(last).renamed(ownerId));
        }
    }

    private boolean isLastCreated(Ref ref, int firstNode) {
        return out.size() > firstNode && out.get(out.size() - 1).id().equals(ref.name());
    }

    private Ref comparison() {
        Ref left = additive();
        while (peekOperator("<", "<=", ">", ">=", "==", "!=")) {
            Token op = take();
            left = binary(op, left, additive());
        }
        return left;
    }

    private Ref additive() {
        Ref left = term();
        while (peekOperator("+", "-")) {
            Token op = take();
            left = binary(op, left, term());
        }
        return left;
    }

    private Ref term() {
        Ref left = unary();
        while (peekOperator("*", "/", "@")) {
            Token op = take();
            left = binary(op, left, unary());
        }
        return left;
    }

    private Ref unary() {
        if (++depth > limits.maxExpressionDepth()) {
            throw GradientException.limitExceeded("gradient.limits.max-expression-depth", "the expression at " + pointer
                    + " nests deeper than " + limits.maxExpressionDepth() + " levels (at position " + peek().position() + ")");
        }
        Ref result;
        if (peekOperator("-")) {
            Token minus = take();
            Ref operand = unary();
            result = operand.literal() != null && isLastLiteral(operand)
                    ? replaceLiteral(operand, -operand.literal())
                    : apply("neg", minus, List.of(operand), Attrs.NONE);
        } else {
            result = power();
        }
        depth--;
        return result;
    }

    private Ref power() {
        Ref base = postfix();
        if (peekOperator("^", "**")) {
            Token op = take();
            return binary(op, base, unary());
        }
        return base;
    }

    private Ref postfix() {
        Ref value = primary();
        while (peekOperator("[")) {
            Token open = take();
            String spec = indexSpec();
            value = apply("slice", open, List.of(value), Attrs.of("spec", spec));
        }
        return value;
    }

    private Ref primary() {
        Token token = take();
        switch (token.kind()) {
            case NUMBER:
                return literal(token);
            case NAME:
                if (peekOperator("(")) {
                    return call(token);
                }
                return name(token);
            case OPERATOR:
                if (token.is("(")) {
                    Ref inner = comparison();
                    expect(")", "a closing ')' for the '(' at position " + token.position());
                    return inner;
                }
                throw syntax(token, "expected a number, a name, a call or '(' but found '" + token.text()
                        + "' at position " + token.position());
            default:
                throw syntax(token, "the expression ends where an operand was expected (position " + token.position() + ")");
        }
    }

    private Ref literal(Token token) {
        double value = Double.parseDouble(token.text());
        String id = fresh();
        create(DraftNode.constant(id, Tensor.scalar(value), origin(token)));
        return new Ref(id, origin(token), value);
    }

    private Ref name(Token token) {
        String name = token.text();
        if (!isDefined.test(name) && (name.equals("pi") || name.equals("e"))) {
            String id = fresh();
            create(DraftNode.constant(id, Tensor.scalar(name.equals("pi") ? Math.PI : Math.E), origin(token)));
            return new Ref(id, origin(token), null);
        }
        return new Ref(name, origin(token), null);
    }

    private Ref call(Token function) {
        take();
        List<Ref> args = new ArrayList<>();
        Map<String, Object> attrs = new LinkedHashMap<>();
        if (!peekOperator(")")) {
            do {
                if (peek().kind() == Token.Kind.NAME && tokens.get(next + 1).is("=")) {
                    Token key = take();
                    take();
                    if (attrs.put(key.text(), keywordValue()) != null) {
                        throw new GradientException(ErrorCode.BAD_ATTRS, "keyword '" + key.text() + "' given twice at position "
                                + key.position(), origin(key));
                    }
                } else {
                    if (!attrs.isEmpty()) {
                        throw syntax(peek(), "a positional argument follows keyword arguments at position " + peek().position());
                    }
                    args.add(comparison());
                }
            } while (peekOperator(",") && take() != null);
        }
        expect(")", "',' or ')' in the call of " + function.text() + "()");
        Op op = resolve(function, args.size());
        OpCalls.checkAttrs(op, function.text() + "()", attrs, origin(function));
        return apply(op.name(), function, args, Attrs.of(attrs));
    }

    private Op resolve(Token function, int arity) {
        String name = function.text();
        if ((name.equals("max") || name.equals("min")) && arity == 2) {
            name = name.equals("max") ? "maximum" : "minimum";
        }
        Op op = OpCalls.find(ops, name, origin(function));
        OpCalls.checkArity(op, function.text() + "()", arity, origin(function));
        return op;
    }

    private Object keywordValue() {
        if (peekOperator("[")) {
            take();
            List<Integer> values = new ArrayList<>();
            if (!peekOperator("]")) {
                do {
                    values.add(integer());
                } while (peekOperator(",") && take() != null);
            }
            expect("]", "',' or ']' in a list of integers");
            return values;
        }
        return integer();
    }

    private int integer() {
        boolean negative = peekOperator("-") && take() != null;
        Token token = take();
        if (token.kind() != Token.Kind.NUMBER || !token.text().chars().allMatch(Character::isDigit)) {
            throw syntax(token, "expected a constant integer at position " + token.position());
        }
        try {
            return Integer.parseInt((negative ? "-" : "") + token.text());
        } catch (NumberFormatException e) {
            throw syntax(token, "integer out of range at position " + token.position());
        }
    }

    /** The index inside brackets as slice-spec text, such as {@code "1:, 0"}; constant integers only. */
    private String indexSpec() {
        List<String> parts = new ArrayList<>();
        do {
            StringBuilder part = new StringBuilder();
            int colons = 0;
            while (!peekOperator(",", "]")) {
                if (peekOperator(":")) {
                    take();
                    part.append(':');
                    if (++colons > 2) {
                        throw syntax(peek(), "a slice has at most two ':' (position " + peek().position() + ")");
                    }
                } else {
                    part.append(integer());
                }
            }
            if (part.length() == 0) {
                throw syntax(peek(), "an empty index at position " + peek().position());
            }
            parts.add(part.toString());
        } while (peekOperator(",") && take() != null);
        expect("]", "']' to close the index");
        return String.join(", ", parts);
    }

    private Ref binary(Token op, Ref left, Ref right) {
        return apply(BINARY.get(op.text()), op, List.of(left, right), Attrs.NONE);
    }

    private Ref apply(String opName, Token at, List<Ref> args, Attrs attrs) {
        String id = fresh();
        List<String> names = args.stream().map(Ref::name).toList();
        List<Origin> origins = args.stream().map(Ref::origin).toList();
        create(DraftNode.apply(id, OpCalls.find(ops, opName, origin(at)), names, origins, attrs, origin(at)));
        return new Ref(id, origin(at), null);
    }

    private boolean isLastLiteral(Ref ref) {
        return !out.isEmpty() && out.get(out.size() - 1).id().equals(ref.name());
    }

    private Ref replaceLiteral(Ref ref, double value) {
        out.set(out.size() - 1, DraftNode.constant(ref.name(), Tensor.scalar(value), ref.origin()));
        return new Ref(ref.name(), ref.origin(), value);
    }

    private void create(DraftNode node) {
        if (out.size() >= limits.maxNodes()) {
            throw GradientException.limitExceeded("gradient.limits.max-nodes",
                    "the graph has more than " + limits.maxNodes() + " nodes (counting those its expressions create)");
        }
        out.add(node);
    }

    private String fresh() {
        return ownerId + "/" + ++created;
    }

    private Origin origin(Token token) {
        return new Origin(pointer, token.position());
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Token.Kind.END) {
            next++;
        }
        return token;
    }

    private boolean peekOperator(String... operators) {
        Token token = peek();
        for (String op : operators) {
            if (token.is(op)) {
                return true;
            }
        }
        return false;
    }

    private void expect(String operator, String what) {
        Token token = take();
        if (!token.is(operator)) {
            throw syntax(token, "expected " + what + " but found "
                    + (token.kind() == Token.Kind.END ? "the end" : "'" + token.text() + "'") + " at position " + token.position());
        }
    }

    private GradientException syntax(Token at, String message) {
        return new GradientException(ErrorCode.SYNTAX, message, origin(at));
    }
}
