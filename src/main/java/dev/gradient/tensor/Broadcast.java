package dev.gradient.tensor;

import java.util.Arrays;

/**
 * Index arithmetic for NumPy broadcasting: which element of a smaller operand each element
 * of the broadcast result reads, and the reverse reduction that derivative rules need.
 *
 * <p>Stateless. Every method is linear in the size of the result.
 */
public final class Broadcast {

    private Broadcast() {
    }

    /**
     * For each row-major element of {@code to}, the row-major index of the element of
     * {@code from} that broadcasting reads; {@code from} must broadcast to {@code to}.
     * Returns {@code null} when the shapes are equal (the identity map).
     */
    public static int[] indexMap(Shape from, Shape to) {
        if (from.equals(to)) {
            return null;
        }
        int size = Math.toIntExact(to.size());
        int[] map = new int[size];
        if (from.size() == 1) {
            return map;
        }
        int rank = to.rank();
        int offset = rank - from.rank();
        int[] fromStrides = new int[rank];
        int[] fromSteps = from.strides();
        for (int axis = offset; axis < rank; axis++) {
            fromStrides[axis] = from.dim(axis - offset) == 1 ? 0 : fromSteps[axis - offset];
        }
        int[] counter = new int[rank];
        int index = 0;
        for (int i = 0; i < size; i++) {
            map[i] = index;
            for (int axis = rank - 1; axis >= 0; axis--) {
                counter[axis]++;
                index += fromStrides[axis];
                if (counter[axis] < to.dim(axis)) {
                    break;
                }
                index -= fromStrides[axis] * counter[axis];
                counter[axis] = 0;
            }
        }
        return map;
    }

    /** {@code t} repeated along broadcast axes so that it has shape {@code to}. */
    public static Tensor broadcastTo(Tensor t, Shape to) {
        return broadcastTo(t, to, Arena.none());
    }

    /** As {@link #broadcastTo(Tensor, Shape)}, with a new array taken from {@code arena}. */
    public static Tensor broadcastTo(Tensor t, Shape to, Arena arena) {
        if (t.size() == to.size()) {
            return to.equals(t.shape()) ? t : t.reshape(to);
        }
        if (t.size() == 1) {
            // what the index map would do, without building it
            double[] out = arena.take(Math.toIntExact(to.size()));
            Arrays.fill(out, t.get(0));
            return Tensor.of(to, out);
        }
        if (repeatsAlongLeadingAxes(t.shape(), to)) {
            // a row broadcast down a matrix (a bias): the same elements the index map would read, copied row by row
            double[] src = t.values();
            double[] out = arena.take(Math.toIntExact(to.size()));
            for (int start = 0; start < out.length; start += src.length) {
                System.arraycopy(src, 0, out, start, src.length);
            }
            return Tensor.of(to, out);
        }
        int inner = repeatsAlongTrailingAxes(t.shape(), to);
        if (inner > 0) {
            // a column broadcast across a matrix (a row's maximum in log_softmax): each element repeated in place
            double[] src = t.values();
            double[] out = arena.take(Math.toIntExact(to.size()));
            for (int i = 0; i < src.length; i++) {
                Arrays.fill(out, i * inner, (i + 1) * inner, src[i]);
            }
            return Tensor.of(to, out);
        }
        int[] map = indexMap(t.shape(), to);
        if (map == null) {
            return t;
        }
        double[] src = t.values();
        double[] out = arena.take(map.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = src[map[i]];
        }
        return Tensor.of(to, out);
    }

    /**
     * Whether broadcasting {@code small} to {@code big} only repeats it whole along leading axes:
     * its axes, leading 1s aside, are exactly {@code big}'s last ones (a {@code [128]} bias over
     * a {@code [32, 128]} batch), so that element {@code i} of the result is element {@code i %
     * small.size()} of {@code small}.
     */
    private static boolean repeatsAlongLeadingAxes(Shape small, Shape big) {
        int first = 0;
        while (first < small.rank() && small.dim(first) == 1) {
            first++;
        }
        int kept = small.rank() - first;
        if (kept == 0 || kept > big.rank()) {
            return false;
        }
        for (int k = 0; k < kept; k++) {
            if (small.dim(first + k) != big.dim(big.rank() - kept + k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How many times broadcasting {@code small} to {@code big} repeats each element in place,
     * where it only does that: {@code small} has {@code big}'s rank, its leading axes are {@code
     * big}'s and the rest are 1 ({@code [32, 1]} over {@code [32, 10]}: 10); else 0.
     */
    private static int repeatsAlongTrailingAxes(Shape small, Shape big) {
        if (small.rank() != big.rank()) {
            return 0;
        }
        int k = 0;
        while (k < small.rank() && small.dim(k) == big.dim(k)) {
            k++;
        }
        long inner = 1;
        for (int j = k; j < small.rank(); j++) {
            if (small.dim(j) != 1) {
                return 0;
            }
            inner *= big.dim(j);
        }
        return k == 0 || inner <= 1 ? 0 : Math.toIntExact(inner);
    }

    /**
     * The transpose of {@link #broadcastTo}: sums the elements of {@code t} that broadcasting
     * from {@code to} would have read from the same place. {@code to} must broadcast to
     * {@code t.shape()}.
     */
    public static Tensor sumTo(Tensor t, Shape to) {
        if (to.size() == t.size()) {
            return to.equals(t.shape()) ? t : t.reshape(to);
        }
        if (to.size() == 1) {
            // what the index map would do, in the same order, without building it
            double sum = 0.0;
            for (double v : t.values()) {
                sum += v;
            }
            return Tensor.of(to, new double[] {sum});
        }
        if (repeatsAlongLeadingAxes(to, t.shape())) {
            // summed over whole rows, in the index map's order: each element gets row 0's, then row 1's, ...
            double[] src = t.values();
            double[] out = new double[Math.toIntExact(to.size())];
            for (int start = 0; start < src.length; start += out.length) {
                for (int j = 0; j < out.length; j++) {
                    out[j] += src[start + j];
                }
            }
            return Tensor.of(to, out);
        }
        int inner = repeatsAlongTrailingAxes(to, t.shape());
        if (inner > 0) {
            // summed over runs of consecutive elements, in the index map's order
            double[] src = t.values();
            double[] out = new double[Math.toIntExact(to.size())];
            for (int i = 0; i < src.length; i++) {
                out[i / inner] += src[i];
            }
            return Tensor.of(to, out);
        }
        int[] map = indexMap(to, t.shape());
        if (map == null) {
            return t;
        }
        double[] src = t.values();
        double[] out = new double[Math.toIntExact(to.size())];
        for (int i = 0; i < src.length; i++) {
            out[map[i]] += src[i];
        }
        return Tensor.of(to, out);
    }
}
