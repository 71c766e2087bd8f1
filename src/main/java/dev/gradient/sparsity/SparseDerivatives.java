package dev.gradient.sparsity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gradient.engine.Compiled;
import dev.gradient.engine.Cost;
import dev.gradient.engine.Engine;
import dev.gradient.engine.Evaluation;
import dev.gradient.engine.HessianVectorProducts;
import dev.gradient.engine.Product;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Sparse Jacobians and Hessians by colouring: the pattern and its colouring once per compiled
 * function and choice of inputs and outputs ({@link SparsePlan}, kept with the function while it
 * lives), then per point one compressed product per colour, each the sum of the unit directions
 * of one colour's columns (JVPs), rows (VJPs) or vertices (Hessian-vector products), and every
 * entry read off directly from one product. An engine whose native product is the JVP gets a
 * column colouring, any other a row colouring; Hessians take a star colouring.
 *
 * <p>Plans check their own work against the cost limit given; a caller admits the products by
 * {@link #jacobianCost} or {@link #hessianCost} before running them.
 */
@Component
public final class SparseDerivatives {

    /** How many directions one engine call carries at most, so that memory stays bounded. */
    private static final int BLOCK = 64;
    private static final int PLANS_PER_FUNCTION = 16;

    private final HessianVectorProducts hvp;
    private final Cache<Compiled, Cache<List<Object>, SparsePlan>> plans =
            Caffeine.newBuilder().weakKeys().maximumSize(1024).build();

    /** Sparse derivatives whose Hessians are recovered from {@code hvp}'s products. */
    public SparseDerivatives(HessianVectorProducts hvp) {
        this.hvp = hvp;
    }

    /** A sparse Jacobian: the value of every output asked for, and the matrix. */
    public record SparseJacobian(Tensor[] outputs, SparseMatrix jacobian) {
    }

    /** A sparse Hessian with the scalar output's value and gradient. */
    public record SparseHessian(Tensor value, Tensor[] gradient, SparseMatrix hessian) {
    }

    /**
     * The plan of the Jacobian of the outputs {@code outputs} of {@code f} by the inputs {@code
     * wrt} for {@code engine} (columns for a JVP engine, else rows); made once and kept, each step
     * refused past {@code maxCost} before it runs.
     */
    public SparsePlan jacobianPlan(Engine engine, Compiled f, int[] wrt, int[] outputs, long maxCost) {
        SparsePlan.Mode mode = engine.nativeProducts().contains(Product.JVP) ? SparsePlan.Mode.COLUMNS : SparsePlan.Mode.ROWS;
        return plan(f, List.of(mode, key(wrt), key(outputs)), () -> {
            SparsityPattern pattern = JacobianSparsity.of(f, wrt, outputs, maxCost);
            Colouring colouring = mode == SparsePlan.Mode.COLUMNS
                    ? Colourings.columns(pattern, maxCost) : Colourings.rows(pattern, maxCost);
            return new SparsePlan(pattern, colouring, mode);
        });
    }

    /** The plan of the Hessian of output {@code output} of {@code f} by the inputs {@code wrt}: a star colouring of its pattern. */
    public SparsePlan hessianPlan(Compiled f, int[] wrt, int output, long maxCost) {
        return plan(f, List.of(SparsePlan.Mode.STAR, key(wrt), output), () -> {
            SparsityPattern pattern = HessianSparsity.of(f, wrt, output, maxCost);
            return new SparsePlan(pattern, Colourings.star(pattern, maxCost), SparsePlan.Mode.STAR);
        });
    }

    private static List<Integer> key(int[] indices) {
        return Arrays.stream(indices).boxed().toList();
    }

    private SparsePlan plan(Compiled f, List<Object> key, Supplier<SparsePlan> make) {
        Cache<List<Object>, SparsePlan> forFunction = plans.get(f, k -> Caffeine.newBuilder().maximumSize(PLANS_PER_FUNCTION).build());
        SparsePlan plan = forFunction.getIfPresent(key);
        if (plan == null) {
            // made outside the cache's lock: a plan that is refused leaves nothing behind
            plan = make.get();
            forFunction.put(key, plan);
        }
        return plan;
    }

    /** The work of {@link #jacobian} at one point: the primal sweep and one native product per colour; the result holds the entries. */
    public static Cost jacobianCost(Engine engine, Compiled f, int[] wrt, int[] outputs, SparsePlan plan) {
        long products = engine.directionsCost(f, wrt, outputs, plan.sweeps());
        long entries = plan.pattern().nonzeros();
        return new Cost(Cost.add(Cost.add(f.graph().cost(), products), entries), entries,
                Cost.multiply(plan.sweeps(), Math.max(plan.pattern().rowCount(), plan.pattern().columnCount())));
    }

    /** The work of {@link #hessian} at one point: one Hessian-vector product per colour; the result holds the entries. */
    public static Cost hessianCost(Engine engine, Compiled f, int[] wrt, int output, SparsePlan plan) {
        Cost products = HessianVectorProducts.estimate(engine, f, wrt, output, plan.sweeps());
        long entries = plan.pattern().nonzeros();
        return new Cost(Cost.add(products.elementOperations(), entries), Cost.add(Cost.add(1, plan.pattern().columnCount()), entries),
                Cost.multiply(plan.sweeps(), plan.pattern().columnCount()));
    }

    /** The Jacobian of {@code plan} (a {@link #jacobianPlan} of these inputs and outputs) at {@code point} by {@code engine}. */
    public SparseJacobian jacobian(Engine engine, Compiled f, Tensor[] point, int[] wrt, int[] outputs, SparsePlan plan) {
        Evaluation at = new Evaluation(f, point);
        Shape[] in = inputShapes(f, wrt);
        Shape[] out = outputShapes(f, outputs);
        SparsityPattern pattern = plan.pattern();
        boolean byColumns = plan.mode() == SparsePlan.Mode.COLUMNS;
        double[][] compressed = new double[plan.sweeps()][];
        for (int start = 0; start < plan.sweeps(); start += BLOCK) {
            int count = Math.min(BLOCK, plan.sweeps() - start);
            Tensor[][] seeds = new Tensor[count][];
            for (int d = 0; d < count; d++) {
                seeds[d] = seed(plan.colouring(), start + d, byColumns ? in : out);
            }
            Tensor[][] products = byColumns ? engine.jvp(at, wrt, outputs, seeds) : engine.vjp(at, wrt, outputs, seeds);
            for (int d = 0; d < count; d++) {
                compressed[start + d] = FlatElements.flatten(products[d]);
            }
        }
        int[] rows = pattern.rows();
        int[] cols = pattern.cols();
        double[] values = new double[rows.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = byColumns ? compressed[plan.colouring().colourOf(cols[k])][rows[k]]
                    : compressed[plan.colouring().colourOf(rows[k])][cols[k]];
        }
        Tensor[] outputValues = new Tensor[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            outputValues[k] = at.output(outputs[k]);
        }
        return new SparseJacobian(outputValues, new SparseMatrix(pattern, values));
    }

    /**
     * The Hessian of {@code plan} (a {@link #hessianPlan} of these inputs and output) at {@code
     * point} by {@code engine}'s Hessian-vector products. Entry {@code (i, j)} is read from the
     * product of {@code j}'s colour at row {@code i} where no other neighbour of {@code i} has
     * that colour, else from the product of {@code i}'s colour at row {@code j}: a star
     * colouring leaves one of the two free of other contributions.
     */
    public SparseHessian hessian(Engine engine, Compiled f, Tensor[] point, int[] wrt, int output, SparsePlan plan) {
        Shape[] in = inputShapes(f, wrt);
        Colouring colouring = plan.colouring();
        Tensor[][] seeds = new Tensor[plan.sweeps()][];
        for (int d = 0; d < seeds.length; d++) {
            seeds[d] = seed(colouring, d, in);
        }
        HessianVectorProducts.Result products = hvp.hvp(engine, f, point, wrt, output, seeds);
        double[][] compressed = new double[seeds.length][];
        for (int d = 0; d < seeds.length; d++) {
            compressed[d] = FlatElements.flatten(products.products()[d]);
        }
        int[][] adjacency = plan.pattern().byRow();
        int[] sharing = new int[Math.max(1, colouring.count())];
        double[] entries = new double[plan.pattern().nonzeros()];
        int k = 0;
        for (int i = 0; i < adjacency.length; i++) {
            for (int j : adjacency[i]) {
                if (j != i) {
                    sharing[colouring.colourOf(j)]++;
                }
            }
            for (int j : adjacency[i]) {
                boolean alone = j == i || sharing[colouring.colourOf(j)] == 1;
                entries[k++] = alone ? compressed[colouring.colourOf(j)][i] : compressed[colouring.colourOf(i)][j];
            }
            for (int j : adjacency[i]) {
                sharing[colouring.colourOf(j)] = 0;
            }
        }
        return new SparseHessian(products.value(), products.gradient(), new SparseMatrix(plan.pattern(), entries));
    }

    /** The unit directions of colour {@code colour}'s vertices summed, split into tensors of {@code shapes} laid end to end. */
    private static Tensor[] seed(Colouring colouring, int colour, Shape[] shapes) {
        Tensor[] seed = new Tensor[shapes.length];
        int offset = 0;
        for (int j = 0; j < shapes.length; j++) {
            double[] v = new double[Math.toIntExact(shapes[j].size())];
            boolean any = false;
            for (int e = 0; e < v.length; e++) {
                if (colouring.colourOf(offset + e) == colour) {
                    v[e] = 1.0;
                    any = true;
                }
            }
            seed[j] = any ? Tensor.of(shapes[j], v) : Tensor.zeros(shapes[j]);
            offset += v.length;
        }
        return seed;
    }

    private static Shape[] inputShapes(Compiled f, int[] wrt) {
        Shape[] shapes = new Shape[wrt.length];
        for (int j = 0; j < wrt.length; j++) {
            shapes[j] = f.graph().shape(f.graph().inputs().get(wrt[j]));
        }
        return shapes;
    }

    private static Shape[] outputShapes(Compiled f, int[] outputs) {
        Shape[] shapes = new Shape[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            shapes[k] = f.graph().shape(f.graph().outputs().get(outputs[k]));
        }
        return shapes;
    }
}
