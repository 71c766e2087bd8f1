package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every op, listed once and found by name. {@code GET /ops}, the parsers and the derivative
 * tests are all driven from this list, so an op is wired in and tested by being added here.
 */
public final class OpRegistry {

    private static final OpRegistry STANDARD = new OpRegistry(List.of(
            // elementwise, two arguments, broadcasting
            new Add(), new Sub(), new Mul(), new Div(), new Pow(), new Maximum(), new Minimum(),
            new Atan2(), new Hypot(),
            // elementwise, one argument
            new Neg(), new Identity(), new Exp(), new Log(), new Log1p(), new Expm1(), new Sqrt(), new Cbrt(),
            new Square(), new Sin(), new Cos(), new Tan(), new Asin(), new Acos(), new Atan(),
            new Sinh(), new Cosh(), new Tanh(), new Asinh(), new Acosh(), new Atanh(),
            new Abs(), new Sign(), new Sigmoid(), new Softplus(), new Relu(), new Erf(),
            // comparison and selection
            new Comparison("lt", "<", (a, b) -> a < b), new Comparison("le", "<=", (a, b) -> a <= b),
            new Comparison("gt", ">", (a, b) -> a > b), new Comparison("ge", ">=", (a, b) -> a >= b),
            new Comparison("eq", "==", (a, b) -> a == b), new Comparison("ne", "!=", (a, b) -> a != b),
            new Where(),
            // construction
            new Vector(),
            // reductions
            new Sum(), new Mean(), new Prod(), new Max(), new Min(), new LogSumExp(), new Norm(),
            // linear algebra
            new MatMul(), new Dot(), new Outer(), new Transpose(),
            // shape
            new Reshape(), new Concat(), new Stack(), new Slice(),
            // normalisation
            new Softmax(), new LogSoftmax(),
            // internal: only derivative graphs use these
            new BroadcastTo(), new SumTo(), new MulNoNan(), MatMul.zeroExact(), new MatMulTransposed(), new Unslice(),
            new StopGradient(),
            new Sech(), new HypotRatio(), new MulLog()));

    private final Map<String, Op> ops = new LinkedHashMap<>();

    /**
     * A registry of exactly {@code ops}, each name once. The service runs with {@link #standard()};
     * this lets a test run the service with an op of its own added (a wrong derivative rule,
     * say) without that op ever being part of the service's set.
     */
    public OpRegistry(Collection<? extends Op> ops) {
        for (Op op : ops) {
            if (this.ops.put(op.name(), op) != null) {
                throw new IllegalStateException("op registered twice: " + op.name());
            }
        }
    }

    /** The service's op set. */
    public static OpRegistry standard() {
        return STANDARD;
    }

    /** The op named {@code name}, if there is one. */
    public Optional<Op> find(String name) {
        return Optional.ofNullable(ops.get(name));
    }

    /** The op named {@code name}; an {@link GradientException} with code {@code UNKNOWN_OP} where there is none. */
    public Op require(String name) {
        Op op = ops.get(name);
        if (op == null) {
            throw new GradientException(ErrorCode.UNKNOWN_OP, "unknown op '" + name + "'; GET /ops lists them");
        }
        return op;
    }

    /** Every op, public and internal, in registration order. */
    public Collection<Op> all() {
        return ops.values();
    }

    /** The ops clients may name, in registration order. */
    public List<Op> publicOps() {
        return ops.values().stream().filter(Op::isPublic).toList();
    }
}
