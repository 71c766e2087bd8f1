package dev.gradient.api;

import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts tensors into response fields: maps by name, and the flat Jacobian matrix with its labels. */
final class Results {

    private Results() {
    }

    /** {@code values[i]} under {@code names.get(i)}, in order. */
    static Map<String, Tensor> named(List<String> names, Tensor[] values) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), values[i]);
        }
        return out;
    }

    /** {@code blocks[i][j]} under {@code rows.get(i)} and then {@code columns.get(j)}, in order. */
    static Map<String, Map<String, Tensor>> named(List<String> rows, List<String> columns, Tensor[][] blocks) {
        Map<String, Map<String, Tensor>> out = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            out.put(rows.get(i), named(columns, blocks[i]));
        }
        return out;
    }

    /**
     * The Jacobian blocks {@code jacobian[k][j]} (of shape out_k + in_j) as one matrix: a row per
     * element of every output, a column per element of every wrt input, both row-major and in
     * order.
     */
    static Tensor matrix(Tensor[][] jacobian, Shape[] outputs, Shape[] inputs) {
        int rows = 0;
        for (Shape s : outputs) {
            rows += Math.toIntExact(s.size());
        }
        int columns = 0;
        for (Shape s : inputs) {
            columns += Math.toIntExact(s.size());
        }
        double[] matrix = new double[Math.multiplyExact(rows, columns)];
        int rowOffset = 0;
        for (int k = 0; k < outputs.length; k++) {
            int outSize = Math.toIntExact(outputs[k].size());
            int columnOffset = 0;
            for (int j = 0; j < inputs.length; j++) {
                int inSize = Math.toIntExact(inputs[j].size());
                double[] block = jacobian[k][j].values();
                for (int r = 0; r < outSize; r++) {
                    System.arraycopy(block, r * inSize, matrix, (rowOffset + r) * columns + columnOffset, inSize);
                }
                columnOffset += inSize;
            }
            rowOffset += outSize;
        }
        return Tensor.of(Shape.of(rows, columns), matrix);
    }

    /** A label per element of each named tensor, in order: {@code "W[1,0]"}, or {@code "x"} for a scalar. */
    static List<String> labels(List<String> names, Shape[] shapes) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (long e = 0; e < shapes[i].size(); e++) {
                labels.add(label(names.get(i), shapes[i], e));
            }
        }
        return labels;
    }

    /**
     * The label of one element of the named tensors, {@code flat} counting through all their
     * elements in order (as {@link #labels} lists them), without listing the others.
     */
    static String label(List<String> names, Shape[] shapes, long flat) {
        long rest = flat;
        for (int i = 0; i < names.size(); i++) {
            if (rest < shapes[i].size()) {
                return label(names.get(i), shapes[i], rest);
            }
            rest -= shapes[i].size();
        }
        throw new IndexOutOfBoundsException("element " + flat + " of tensors with " + (flat - rest) + " elements");
    }

    private static String label(String name, Shape shape, long element) {
        if (shape.isScalar()) {
            return name;
        }
        // the row-major multi-index, last axis fastest
        int[] index = new int[shape.rank()];
        long rest = element;
        for (int a = index.length - 1; a >= 0; a--) {
            index[a] = (int) (rest % shape.dim(a));
            rest /= shape.dim(a);
        }
        StringBuilder label = new StringBuilder(name).append('[');
        for (int a = 0; a < index.length; a++) {
            label.append(a == 0 ? "" : ",").append(index[a]);
        }
        return label.append(']').toString();
    }
}
