package dev.gradient.testing;

import dev.gradient.sparsity.FlatElements;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.Random;

/**
 * Derivatives as plain matrices over flattened elements, for tests that compare them with
 * products or sparse results: tensors laid end to end, and blocks {@code [output][input]} (of
 * shape out + in, as the engines give Jacobians and Hessians) as one row-major matrix.
 */
public final class DenseMatrices {

    private DenseMatrices() {
    }

    /** The elements of {@code tensors}, one after another. */
    public static double[] flatten(Tensor[] tensors) {
        return FlatElements.flatten(tensors);
    }

    /** The blocks as one matrix: rows are the flattened outputs of sizes {@code rows}, columns the flattened inputs of sizes {@code columns}. */
    public static double[][] matrix(Tensor[][] blocks, long[] rows, long[] columns) {
        double[][] matrix = new double[Math.toIntExact(sum(rows))][Math.toIntExact(sum(columns))];
        int rowOffset = 0;
        for (int k = 0; k < rows.length; k++) {
            int colOffset = 0;
            for (int j = 0; j < columns.length; j++) {
                for (int r = 0; r < rows[k]; r++) {
                    for (int c = 0; c < columns[j]; c++) {
                        matrix[rowOffset + r][colOffset + c] = blocks[k][j].get(Math.toIntExact(r * columns[j] + c));
                    }
                }
                colOffset += columns[j];
            }
            rowOffset += rows[k];
        }
        return matrix;
    }

    /** {@code matrix v}. */
    public static double[] times(double[][] matrix, double[] v) {
        double[] result = new double[matrix.length];
        for (int r = 0; r < matrix.length; r++) {
            for (int c = 0; c < v.length; c++) {
                result[r] += matrix[r][c] * v[c];
            }
        }
        return result;
    }

    /** A tensor per shape, with elements uniform in [-1, 1). */
    public static Tensor[] random(Shape[] shapes, Random random) {
        Tensor[] tensors = new Tensor[shapes.length];
        for (int j = 0; j < tensors.length; j++) {
            double[] v = new double[Math.toIntExact(shapes[j].size())];
            for (int e = 0; e < v.length; e++) {
                v[e] = random.nextDouble() * 2 - 1;
            }
            tensors[j] = Tensor.of(shapes[j], v);
        }
        return tensors;
    }

    private static long sum(long[] sizes) {
        long total = 0;
        for (long s : sizes) {
            total += s;
        }
        return total;
    }
}
