package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * Matrix product as NumPy's {@code matmul} for 1-D and 2-D arguments: matrix-matrix
 * {@code [m,n] @ [n,p] -> [m,p]}, matrix-vector {@code [m,n] @ [n] -> [m]}, vector-matrix
 * {@code [n] @ [n,p] -> [p]} and vector-vector {@code [n] @ [n] -> []}. Bilinear: each
 * argument's VJP is a product of the cotangent with the other argument.
 *
 * <p>Its derivatives are chain-rule products, so they treat a zero factor as exact (as {@link
 * MulNoNan} does): a tangent or cotangent that is zero contributes exactly zero even where the
 * matrix holds an infinite partial, such as {@code sqrt}'s at 0. The JVP uses such products,
 * and the VJP writes them as the internal op {@code matmul_no_nan}, whose own derivatives are
 * the same products again. A client's {@code matmul} keeps IEEE products ({@code 0 * inf} is NaN).
 */
final class MatMul implements Primitive {

    private final String name;
    private final boolean zeroExact;

    /** The public {@code matmul}, with IEEE products. */
    MatMul() {
        this("matmul", false);
    }

    private MatMul(String name, boolean zeroExact) {
        this.name = name;
        this.zeroExact = zeroExact;
    }

    /** The internal {@code matmul_no_nan}: the same product, but a zero factor gives exactly zero. */
    static MatMul zeroExact() {
        return new MatMul("matmul_no_nan", true);
    }

    @Override public String name() { return name; }
    @Override public boolean isPublic() { return !zeroExact; }
    @Override public Arity arity() { return Arity.exactly(2); }
    @Override public String syntax() { return "a @ b or matmul(a, b)"; }
    @Override public String summary() { return "Matrix product of 1-D and 2-D arguments, as NumPy's matmul."; }

    @Override
    public Shape shape(Shape[] args, Attrs attrs) {
        Shape a = args[0];
        Shape b = args[1];
        if (a.rank() < 1 || a.rank() > 2 || b.rank() < 1 || b.rank() > 2) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, "matmul: expected 1-D or 2-D arguments, got shapes " + a + " and " + b);
        }
        int inner = b.dim(0);
        if (a.dim(a.rank() - 1) != inner) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, "matmul: shapes " + a + " and " + b + " do not fit: the last axis of the first ("
                    + a.dim(a.rank() - 1) + ") must equal the first axis of the second (" + inner + ")");
        }
        if (a.rank() == 2 && b.rank() == 2) {
            return Shape.of(a.dim(0), b.dim(1));
        }
        return a.rank() == 2 ? Shape.of(a.dim(0)) : b.rank() == 2 ? Shape.of(b.dim(1)) : Shape.SCALAR;
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs) {
        return multiply(args, attrs, zeroExact, Arena.none());
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs, Arena arena) {
        return multiply(args, attrs, zeroExact, arena);
    }

    private Tensor multiply(Tensor[] args, Attrs attrs, boolean zeroExactProducts, Arena arena) {
        Shape a = args[0].shape();
        Shape b = args[1].shape();
        Shape out = shape(new Shape[] {a, b}, attrs);
        int m = a.rank() == 2 ? a.dim(0) : 1;
        int n = a.dim(a.rank() - 1);
        int p = b.rank() == 2 ? b.dim(1) : 1;
        return Tensor.of(out, MatrixProducts.multiply(args[0], m, n, args[1], p, false, false, zeroExactProducts,
                arena));
    }

    @Override
    public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        return Bilinear.linearize((x, y) -> multiply(new Tensor[] {x, y}, attrs, true, Arena.none()), args, out.shape());
    }

    @Override
    public int[] vjp(GraphBuilder g, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        int a = args[0];
        int b = args[1];
        boolean aVector = g.shape(a).rank() == 1;
        boolean bVector = g.shape(b).rank() == 1;
        int da = -1;
        int db = -1;
        if (needed[0]) {
            da = bVector
                    ? (aVector ? g.times(cotangent, b) : outer(g, cotangent, b))
                    : g.call("matmul_no_nan", cotangent, g.call("transpose", b));
        }
        if (needed[1]) {
            db = aVector
                    ? (bVector ? g.times(cotangent, a) : outer(g, a, cotangent))
                    : g.call("matmul_no_nan", g.call("transpose", a), cotangent);
        }
        return new int[] {da, db};
    }

    /** The outer product of two vectors, with zero-exact products. */
    static int outer(GraphBuilder g, int x, int y) {
        return g.times(g.reshape(x, Shape.of(g.shape(x).dim(0), 1)), g.reshape(y, Shape.of(1, g.shape(y).dim(0))));
    }

    @Override
    public long cost(Shape[] args, Shape out) {
        long m = args[0].rank() == 2 ? args[0].dim(0) : 1;
        long n = args[0].dim(args[0].rank() - 1);
        long p = args[1].rank() == 2 ? args[1].dim(1) : 1;
        return Bilinear.cost(m, n, p, out.size());
    }

    private static final Primitive MUL_NO_NAN = new MulNoNan();

    /**
     * The graph rule's products as numbers, for the reverse sweep: {@code c B^T} and {@code A^T c}
     * with zero-exact products, as {@code matmul_no_nan} of a transpose computes them, but with the
     * transpose left to the product ({@link MatrixProducts}) rather than copied.
     */
    @Override
    public Pullback pullback() {
        return (args, out, attrs, needed, arena) -> products(args, needed, arena);
    }

    /** The pullback's products at {@code args}, into arrays from {@code arena}. */
    private static Vjp products(Tensor[] args, boolean[] needed, Arena arena) {
        Tensor a = args[0];
        Tensor b = args[1];
        boolean aVector = a.shape().rank() == 1;
        boolean bVector = b.shape().rank() == 1;
        int m = aVector ? 1 : a.shape().dim(0);
        int n = a.shape().dim(a.shape().rank() - 1);
        int p = bVector ? 1 : b.shape().dim(1);
        return c -> new Tensor[] {
            !needed[0] ? null : bVector ? (aVector ? times(c, b) : outer(c, b))
                    : Tensor.of(a.shape(), MatrixProducts.multiply(c, m, p, b, n, false, true, true, arena)),
            !needed[1] ? null : aVector ? (bVector ? times(c, a) : outer(a, c))
                    : Tensor.of(b.shape(), MatrixProducts.multiply(a, n, m, c, p, true, false, true, arena))
        };
    }

    private static Tensor times(Tensor x, Tensor y) {
        return MUL_NO_NAN.apply(new Tensor[] {x, y}, Attrs.NONE);
    }

    private static Tensor outer(Tensor x, Tensor y) {
        return times(x.reshape(Shape.of(x.size(), 1)), y.reshape(Shape.of(1, y.size())));
    }
}
