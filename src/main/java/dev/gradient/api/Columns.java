package dev.gradient.api;

import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Columnar batches, as {@code jax.vmap} takes and gives them: one array per name whose first
 * axis runs over the points. Splits such an array into its points, and stacks the points'
 * results back into arrays of that form, in order.
 */
final class Columns {

    private Columns() {
    }

    /** The shape of one point of the columnar array of shape {@code shape} (rank 1 or more): all but its first axis. */
    static Shape perPoint(Shape shape) {
        int[] dims = shape.dims();
        return Shape.of(java.util.Arrays.copyOfRange(dims, 1, dims.length));
    }

    /** Point {@code p} of the columnar array {@code column}. */
    static Tensor point(Tensor column, int p) {
        Shape shape = perPoint(column.shape());
        int size = (int) shape.size();
        double[] values = new double[size];
        System.arraycopy(column.values(), p * size, values, 0, size);
        return Tensor.of(shape, values);
    }

    /** {@code field} of every result, stacked along a new first axis. */
    static <R> Tensor stack(List<R> results, Function<R, Tensor> field) {
        Shape shape = field.apply(results.get(0)).shape();
        int size = (int) shape.size();
        int[] dims = new int[shape.rank() + 1];
        dims[0] = results.size();
        System.arraycopy(shape.dims(), 0, dims, 1, shape.rank());
        double[] values = new double[Math.multiplyExact(results.size(), size)];
        for (int p = 0; p < results.size(); p++) {
            System.arraycopy(field.apply(results.get(p)).values(), 0, values, p * size, size);
        }
        return Tensor.of(Shape.of(dims), values);
    }

    /** The named tensors {@code field} of every result, each name's stacked, in the first result's order. */
    static <R> Map<String, Tensor> stackNamed(List<R> results, Function<R, Map<String, Tensor>> field) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : field.apply(results.get(0)).keySet()) {
            out.put(name, stack(results, r -> field.apply(r).get(name)));
        }
        return out;
    }

    /** The blocks {@code field} of every result (like jacobian[out][in]), each block's stacked. */
    static <R> Map<String, Map<String, Tensor>> stackBlocks(List<R> results, Function<R, Map<String, Map<String, Tensor>>> field) {
        Map<String, Map<String, Tensor>> out = new LinkedHashMap<>();
        for (String row : field.apply(results.get(0)).keySet()) {
            out.put(row, stackNamed(results, r -> field.apply(r).get(row)));
        }
        return out;
    }
}
