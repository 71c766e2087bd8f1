package dev.gradient.symbolic;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * Writes a {@link Formula} of scalars as C99 source: a function
 * {@code void derivative(const double *in, double *out)} that reads the inputs from {@code in}
 * (in input order) and writes the outputs into {@code out} (in output order), one statement per
 * node, with small helpers where C's library differs from Java's ({@code fmax} ignores NaN,
 * Java's {@code max} does not). Needs {@code <math.h>} and {@code -lm}. A formula with a tensor
 * node, or an op C has no form for here, is a 422 naming it; the source's size is bounded.
 *
 * @param function the function's name
 * @param source the C source
 */
public record CSource(
        @Schema(description = "The function's name: void derivative(const double *in, double *out).") String function,
        @Schema(description = "The source: inputs in input order in in[], outputs in output order into out[]; link with -lm.")
                String source) {

    static final String FUNCTION = "derivative";

    private static final String HELPERS = """
            #include <math.h>

            /* Java's Math.max and Math.min: NaN if either argument is, and -0 below +0. */
            static inline double gr_max(double a, double b) {
                if (a != a) return a;
                if (b != b) return b;
                if (a == 0.0 && b == 0.0) return signbit(a) ? b : a;
                return a > b ? a : b;
            }
            static inline double gr_min(double a, double b) {
                if (a != a) return a;
                if (b != b) return b;
                if (a == 0.0 && b == 0.0) return signbit(a) ? a : b;
                return a < b ? a : b;
            }
            static inline double gr_sign(double x) { return x > 0.0 ? 1.0 : x < 0.0 ? -1.0 : x; }
            static inline double gr_relu(double x) { return x > 0.0 ? x : x == x ? 0.0 : x; }
            static inline double gr_sigmoid(double x) {
                if (x >= 0.0) return 1.0 / (1.0 + exp(-x));
                double z = exp(x);
                return z / (1.0 + z);
            }
            static inline double gr_softplus(double x) { return x > 0.0 ? x + log1p(exp(-x)) : log1p(exp(x)); }

            """;

    /** C's form of each unary op, with {@code %s} for the argument. */
    private static final Map<String, String> UNARY = Map.ofEntries(
            Map.entry("neg", "-%s"), Map.entry("exp", "exp(%s)"), Map.entry("log", "log(%s)"),
            Map.entry("log1p", "log1p(%s)"), Map.entry("expm1", "expm1(%s)"), Map.entry("sqrt", "sqrt(%s)"),
            Map.entry("cbrt", "cbrt(%s)"), Map.entry("square", "%1$s * %1$s"), Map.entry("sin", "sin(%s)"),
            Map.entry("cos", "cos(%s)"), Map.entry("tan", "tan(%s)"), Map.entry("asin", "asin(%s)"),
            Map.entry("acos", "acos(%s)"), Map.entry("atan", "atan(%s)"), Map.entry("sinh", "sinh(%s)"),
            Map.entry("cosh", "cosh(%s)"), Map.entry("tanh", "tanh(%s)"), Map.entry("asinh", "asinh(%s)"),
            Map.entry("acosh", "acosh(%s)"), Map.entry("atanh", "atanh(%s)"), Map.entry("abs", "fabs(%s)"),
            Map.entry("sign", "gr_sign(%s)"), Map.entry("relu", "gr_relu(%s)"), Map.entry("erf", "erf(%s)"),
            Map.entry("sigmoid", "gr_sigmoid(%s)"), Map.entry("softplus", "gr_softplus(%s)"),
            Map.entry("identity", "%s"), Map.entry("sum", "%s"), Map.entry("max", "%s"), Map.entry("min", "%s"),
            Map.entry("reshape", "%s"));

    /** C's form of each binary op, with {@code %1$s} and {@code %2$s} for the arguments. */
    private static final Map<String, String> BINARY = Map.ofEntries(
            Map.entry("add", "%s + %s"), Map.entry("sub", "%s - %s"), Map.entry("mul", "%s * %s"),
            Map.entry("div", "%s / %s"), Map.entry("pow", "pow(%s, %s)"), Map.entry("atan2", "atan2(%s, %s)"),
            Map.entry("hypot", "hypot(%s, %s)"), Map.entry("maximum", "gr_max(%s, %s)"),
            Map.entry("minimum", "gr_min(%s, %s)"), Map.entry("lt", "(%s < %s ? 1.0 : 0.0)"),
            Map.entry("le", "(%s <= %s ? 1.0 : 0.0)"), Map.entry("gt", "(%s > %s ? 1.0 : 0.0)"),
            Map.entry("ge", "(%s >= %s ? 1.0 : 0.0)"), Map.entry("eq", "(%s == %s ? 1.0 : 0.0)"),
            Map.entry("ne", "(%s != %s ? 1.0 : 0.0)"));

    /** The C source of {@code formula}, at most {@code maxBytes} characters long. */
    static CSource of(Formula formula, long maxBytes) {
        Dag dag = formula.dag();
        boolean[] needed = formula.needed();
        StringBuilder c = new StringBuilder(HELPERS);
        c.append("/* inputs: ");
        for (int k = 0; k < formula.inputs().size(); k++) {
            c.append(k == 0 ? "" : ", ").append("in[").append(k).append("] = ").append(comment(dag.get(formula.inputs().get(k)).input()));
        }
        c.append("\n   outputs: ");
        for (int k = 0; k < formula.outputs().size(); k++) {
            c.append(k == 0 ? "" : ", ").append("out[").append(k).append("] = ").append(comment(formula.outputNames().get(k)));
        }
        c.append(" */\nvoid ").append(FUNCTION).append("(const double *in, double *out) {\n");
        for (int k = 0; k < formula.inputs().size(); k++) {
            c.append("    const double v").append(formula.inputs().get(k)).append(" = in[").append(k).append("];\n");
        }
        for (int i = 0; i < needed.length; i++) {
            Dag.Entry e = dag.get(i);
            if (!needed[i] || e.input() != null) {
                continue;
            }
            if (!e.shape().isScalar()) {
                throw new GradientException(ErrorCode.NOT_SCALAR, "the C form is of scalars only, and the derivative has a"
                        + " node of shape " + e.shape() + (e.op() == null ? " (a constant)" : " (" + e.op().name() + ")")
                        + "; ask for the forms \"graph\" and \"expression\" only");
            }
            c.append("    const double v").append(i).append(" = ").append(e.isConstant() ? number(e.constant().get(0)) : op(e))
                    .append(";\n");
            if (c.length() > maxBytes) {
                throw GradientException.limitExceeded("gradient.derivative.max-c-source-bytes", "the C source would be longer"
                        + " than " + maxBytes + " characters");
            }
        }
        for (int k = 0; k < formula.outputs().size(); k++) {
            c.append("    out[").append(k).append("] = v").append(formula.outputs().get(k)).append(";\n");
        }
        return new CSource(FUNCTION, c.append("}\n").toString());
    }

    private static String op(Dag.Entry e) {
        String name = e.op().name();
        int[] a = e.args();
        if (a.length == 1 && UNARY.containsKey(name)) {
            return String.format(UNARY.get(name), "v" + a[0]);
        }
        if (a.length == 2 && BINARY.containsKey(name)) {
            return String.format(BINARY.get(name), "v" + a[0], "v" + a[1]);
        }
        if (a.length == 3 && name.equals("where")) {
            return "(v" + a[0] + " != 0.0 ? v" + a[1] + " : v" + a[2] + ")";
        }
        throw new GradientException(ErrorCode.UNKNOWN_OP, "the C form has no translation of the op '" + name + "'; ask for the"
                + " forms \"graph\" and \"expression\" only");
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NAN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "INFINITY" : "-INFINITY";
        }
        return Double.toString(v);
    }

    private static String comment(String name) {
        return name.replace("*/", "* /");
    }
}
