package dev.gradient.engine;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.ElementOperations;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;

/**
 * Full Jacobians from an engine's native product: column by column from JVPs (forward mode,
 * seeded with unit tangents) or row by row from VJPs (reverse mode, seeded with unit
 * cotangents), in blocks of directions so that memory stays bounded. Also the non-native
 * product of an engine, computed through its Jacobian.
 *
 * <p>That product follows the chain rule's convention of the native ones: a zero factor gives
 * exactly zero, even against an infinite or NaN Jacobian entry. The forward engine's JVP of
 * {@code sqrt(x) + y} at {@code (0, 0)} in the direction {@code (0, 1)} is 1, so the reverse
 * engine's, through its Jacobian {@code [Infinity, 1]}, must be 1 too, not {@code 0 * Infinity}.
 *
 * <p>A Jacobian block {@code J[k][j]} has the shape of output {@code k} followed by the shape
 * of input {@code j}, as JAX's {@code jacfwd} and {@code jacrev} give it.
 */
final class Jacobians {

    /** How many directions one engine call carries at most. */
    static final int BLOCK = 64;

    private Jacobians() {
    }

    /** The Jacobian of the outputs {@code outputs} by the inputs {@code wrt}, using {@code engine}'s native product. */
    static Tensor[][] jacobian(Engine engine, Evaluation at, int[] wrt, int[] outputs) {
        Compiled f = at.function();
        return engine.jacobianByColumns(CostModel.inputElements(f, wrt), CostModel.outputElements(f, outputs))
                ? byColumns(engine, at, wrt, outputs) : byRows(engine, at, wrt, outputs);
    }

    private static Tensor[][] byColumns(Engine engine, Evaluation at, int[] wrt, int[] outputs) {
        ShapedGraph graph = at.function().graph();
        Shape[] in = inputShapes(graph, wrt);
        Shape[] out = outputShapes(graph, outputs);
        double[][][] blocks = allocate(out, in);
        int[][] columns = enumerate(in);
        for (int start = 0; start < columns.length; start += BLOCK) {
            int count = Math.min(BLOCK, columns.length - start);
            Tensor[][] tangents = new Tensor[count][wrt.length];
            for (int d = 0; d < count; d++) {
                int[] column = columns[start + d];
                tangents[d][column[0]] = Tensor.unit(in[column[0]], column[1]);
            }
            Tensor[][] results = engine.jvp(at, wrt, outputs, tangents);
            for (int d = 0; d < count; d++) {
                int j = columns[start + d][0];
                int e = columns[start + d][1];
                int inSize = Math.toIntExact(in[j].size());
                for (int k = 0; k < outputs.length; k++) {
                    double[] t = results[d][k].values();
                    for (int r = 0; r < t.length; r++) {
                        blocks[k][j][r * inSize + e] = t[r];
                    }
                }
            }
        }
        return wrap(blocks, out, in);
    }

    private static Tensor[][] byRows(Engine engine, Evaluation at, int[] wrt, int[] outputs) {
        ShapedGraph graph = at.function().graph();
        Shape[] in = inputShapes(graph, wrt);
        Shape[] out = outputShapes(graph, outputs);
        int[][] rows = enumerate(out);
        if (rows.length == 1) {
            return singleRow(engine, at, wrt, outputs, in, out, rows[0]);
        }
        double[][][] blocks = allocate(out, in);
        for (int start = 0; start < rows.length; start += BLOCK) {
            int count = Math.min(BLOCK, rows.length - start);
            Tensor[][] cotangents = new Tensor[count][outputs.length];
            for (int d = 0; d < count; d++) {
                cotangents[d] = seed(out, rows[start + d]);
            }
            Tensor[][] results = engine.vjp(at, wrt, outputs, cotangents);
            for (int d = 0; d < count; d++) {
                int k = rows[start + d][0];
                int r = rows[start + d][1];
                for (int j = 0; j < wrt.length; j++) {
                    double[] g = results[d][j].values();
                    System.arraycopy(g, 0, blocks[k][j], r * g.length, g.length);
                }
            }
        }
        return wrap(blocks, out, in);
    }

    /**
     * The Jacobian of outputs with one element between them (a gradient): the one VJP's
     * cotangents themselves, with the output's shape put in front, rather than copied into blocks.
     */
    private static Tensor[][] singleRow(Engine engine, Evaluation at, int[] wrt, int[] outputs, Shape[] in, Shape[] out,
            int[] row) {
        Tensor[] result = engine.vjp(at, wrt, outputs, new Tensor[][] {seed(out, row)})[0];
        Tensor[][] jac = new Tensor[out.length][in.length];
        for (int k = 0; k < out.length; k++) {
            for (int j = 0; j < in.length; j++) {
                jac[k][j] = k == row[0] ? result[j].reshape(out[k].concat(in[j])) : Tensor.zeros(out[k].concat(in[j]));
            }
        }
        return jac;
    }

    /** The output cotangents that pick the Jacobian's row {@code row} (an output, an element of it). */
    private static Tensor[] seed(Shape[] out, int[] row) {
        Tensor[] cotangents = new Tensor[out.length];
        for (int k = 0; k < out.length; k++) {
            cotangents[k] = k == row[0] ? Tensor.unit(out[k], row[1]) : Tensor.zeros(out[k]);
        }
        return cotangents;
    }

    /** JVPs through the Jacobian, for an engine whose native product is the VJP. */
    static Tensor[][] jvpFromVjp(Engine engine, Evaluation at, int[] wrt, int[] outputs, Tensor[][] tangents) {
        Compiled f = at.function();
        Tensor[][] jac = byRows(engine, at, wrt, outputs);
        Tensor[][] result = new Tensor[tangents.length][outputs.length];
        for (int d = 0; d < tangents.length; d++) {
            for (int k = 0; k < outputs.length; k++) {
                Shape outShape = f.graph().shape(f.graph().outputs().get(outputs[k]));
                double[] sum = new double[Math.toIntExact(outShape.size())];
                for (int j = 0; j < wrt.length; j++) {
                    if (tangents[d][j] != null) {
                        double[] jk = jac[k][j].values();
                        double[] t = tangents[d][j].values();
                        for (int r = 0; r < sum.length; r++) {
                            for (int c = 0; c < t.length; c++) {
                                sum[r] += times(jk[r * t.length + c], t[c]);
                            }
                        }
                        countOperations(jk.length);
                    }
                }
                result[d][k] = Tensor.of(outShape, sum);
            }
        }
        return result;
    }

    /** VJPs through the Jacobian, for an engine whose native product is the JVP. */
    static Tensor[][] vjpFromJvp(Engine engine, Evaluation at, int[] wrt, int[] outputs, Tensor[][] cotangents) {
        Compiled f = at.function();
        Tensor[][] jac = byColumns(engine, at, wrt, outputs);
        Shape[] in = inputShapes(f.graph(), wrt);
        Tensor[][] result = new Tensor[cotangents.length][wrt.length];
        for (int d = 0; d < cotangents.length; d++) {
            for (int j = 0; j < wrt.length; j++) {
                double[] sum = new double[Math.toIntExact(in[j].size())];
                for (int k = 0; k < outputs.length; k++) {
                    if (cotangents[d][k] != null) {
                        double[] jk = jac[k][j].values();
                        double[] c = cotangents[d][k].values();
                        for (int r = 0; r < c.length; r++) {
                            for (int e = 0; e < sum.length; e++) {
                                sum[e] += times(c[r], jk[r * sum.length + e]);
                            }
                        }
                        countOperations(jk.length);
                    }
                }
                result[d][j] = Tensor.of(in[j], sum);
            }
        }
        return result;
    }

    /** Counts a product through the Jacobian, one operation per entry, where a count is open. */
    private static void countOperations(long entries) {
        long[] counter = ElementOperations.counter();
        if (counter != null) {
            counter[0] += entries;
        }
    }

    /**
     * A Jacobian entry times a tangent or cotangent element, exactly 0 where either is 0: the
     * rule of the derivative graphs' {@code mul_no_nan} and the forward engine's tangent
     * products, so that the product through the Jacobian agrees with the other engine's native one.
     */
    private static double times(double a, double b) {
        return a == 0.0 || b == 0.0 ? 0.0 : a * b;
    }

    static Shape[] inputShapes(ShapedGraph graph, int[] wrt) {
        Shape[] shapes = new Shape[wrt.length];
        for (int j = 0; j < wrt.length; j++) {
            shapes[j] = graph.shape(graph.inputs().get(wrt[j]));
        }
        return shapes;
    }

    static Shape[] outputShapes(ShapedGraph graph, int[] outputs) {
        Shape[] shapes = new Shape[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            shapes[k] = graph.shape(graph.outputs().get(outputs[k]));
        }
        return shapes;
    }

    /** Every (tensor, element) pair of {@code shapes}, in order. */
    private static int[][] enumerate(Shape[] shapes) {
        long total = 0;
        for (Shape s : shapes) {
            total += s.size();
        }
        int[][] pairs = new int[Math.toIntExact(total)][];
        int p = 0;
        for (int t = 0; t < shapes.length; t++) {
            for (int e = 0; e < shapes[t].size(); e++) {
                pairs[p++] = new int[] {t, e};
            }
        }
        return pairs;
    }

    private static double[][][] allocate(Shape[] out, Shape[] in) {
        double[][][] blocks = new double[out.length][in.length][];
        for (int k = 0; k < out.length; k++) {
            for (int j = 0; j < in.length; j++) {
                blocks[k][j] = new double[Math.toIntExact(Math.multiplyExact(out[k].size(), in[j].size()))];
            }
        }
        return blocks;
    }

    private static Tensor[][] wrap(double[][][] blocks, Shape[] out, Shape[] in) {
        Tensor[][] jac = new Tensor[out.length][in.length];
        for (int k = 0; k < out.length; k++) {
            for (int j = 0; j < in.length; j++) {
                jac[k][j] = Tensor.of(out[k].concat(in[j]), blocks[k][j]);
            }
        }
        return jac;
    }
}
