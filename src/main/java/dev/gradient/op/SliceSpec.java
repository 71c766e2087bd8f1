package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.tensor.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * A NumPy basic index, as the text inside an expression's brackets: comma-separated entries,
 * each an integer ({@code 0}, {@code -1}: picks one position and drops the axis) or a slice
 * {@code start:stop:step} with any part optional ({@code 1:}, {@code :-1}, {@code ::2},
 * {@code ::-1}: keeps the axis). Axes past the last entry are kept whole. Negative positions
 * count from the end and out-of-range slice bounds are clipped, as in Python; an integer out
 * of range is an error.
 *
 * <p>Immutable. {@link #toString} gives a canonical text ({@code "1:, 0"} for {@code " 1: ,0"}),
 * so equal specs compare equal as attributes.
 */
public final class SliceSpec {

    /** One entry: an integer {@code index}, or a slice whose absent parts are {@code null}. */
    private record Entry(Long index, Long start, Long stop, Long step) {

        boolean isIndex() {
            return index != null;
        }

        @Override
        public String toString() {
            if (isIndex()) {
                return index.toString();
            }
            return text(start) + ":" + text(stop) + (step == null ? "" : ":" + step);
        }

        private static String text(Long bound) {
            return bound == null ? "" : bound.toString();
        }
    }

    /**
     * The positions one axis of the source keeps: {@code count} positions from {@code start}
     * in steps of {@code step}; {@code kept} is false where an integer dropped the axis.
     */
    record AxisSelection(int start, int step, int count, boolean kept) {
    }

    private final List<Entry> entries;

    private SliceSpec(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** Parses {@code text}; an {@link GradientException} with code {@code BAD_ATTRS} where it is not a basic index. */
    public static SliceSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw bad(text, "it is empty; expected entries like \"1:, 0\"");
        }
        List<Entry> entries = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            entries.add(entry(text, part.trim()));
        }
        return new SliceSpec(entries);
    }

    /** The spec that keeps {@code start:stop} of axis {@code axis} and every other axis whole. */
    static String range(int axis, int start, int stop) {
        return ":, ".repeat(axis) + start + ":" + stop;
    }

    /** The spec that keeps every {@code step}-th position of axis {@code axis} from {@code start}, and every other axis whole. */
    static String strided(int axis, int start, int step) {
        return ":, ".repeat(axis) + start + "::" + step;
    }

    private static Entry entry(String text, String part) {
        if (part.isEmpty()) {
            throw bad(text, "an entry is empty; expected an integer or start:stop:step");
        }
        if (!part.contains(":")) {
            return new Entry(integer(text, part), null, null, null);
        }
        String[] bounds = part.split(":", -1);
        if (bounds.length > 3) {
            throw bad(text, "'" + part + "' has more than two colons; expected start:stop:step");
        }
        Long step = bounds.length == 3 ? optionalInteger(text, bounds[2]) : null;
        if (step != null && step == 0) {
            throw bad(text, "the step of '" + part + "' is zero; expected a non-zero step");
        }
        return new Entry(null, optionalInteger(text, bounds[0]), optionalInteger(text, bounds[1]), step);
    }

    private static Long optionalInteger(String text, String s) {
        return s.isBlank() ? null : integer(text, s.trim());
    }

    private static Long integer(String text, String s) {
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            throw bad(text, "'" + s + "' is not an integer; only constant integers and slices are allowed");
        }
    }

    private static GradientException bad(String text, String why) {
        return new GradientException(ErrorCode.BAD_ATTRS, "slice spec \"" + text + "\": " + why);
    }

    /**
     * What this spec selects from a tensor of shape {@code shape}, one entry per axis; an
     * {@link GradientException} naming {@code op} where it has more entries than {@code shape} has
     * axes or an integer is out of range.
     */
    AxisSelection[] select(String op, Shape shape) {
        if (entries.size() > shape.rank()) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, op + ": spec \"" + this + "\" has " + entries.size() + " entries but the argument "
                    + shape + " has only " + shape.rank() + " axes");
        }
        AxisSelection[] axes = new AxisSelection[shape.rank()];
        for (int axis = 0; axis < axes.length; axis++) {
            int n = shape.dim(axis);
            Entry e = axis < entries.size() ? entries.get(axis) : new Entry(null, null, null, null);
            axes[axis] = e.isIndex() ? index(op, e.index, axis, n) : range(e, n);
        }
        return axes;
    }

    private AxisSelection index(String op, long index, int axis, int n) {
        if (index < -n || index >= n) {
            throw new GradientException(ErrorCode.SHAPE_MISMATCH, op + ": index " + index + " in spec \"" + this + "\" is out of range for axis " + axis
                    + " of size " + n + " (expected " + -n + " to " + (n - 1) + ")");
        }
        return new AxisSelection((int) (index < 0 ? index + n : index), 1, 1, false);
    }

    /** Python's {@code slice.indices}: defaults by the step's sign, negative bounds from the end, clipped. */
    private static AxisSelection range(Entry e, int n) {
        long step = e.step == null ? 1 : e.step;
        boolean down = step < 0;
        long start = e.start == null ? (down ? n - 1 : 0) : clip(e.start, n, down);
        long stop = e.stop == null ? (down ? -1 : n) : clip(e.stop, n, down);
        long count = down
                ? (stop < start ? (start - stop - 1) / -step + 1 : 0)
                : (start < stop ? (stop - start - 1) / step + 1 : 0);
        // a step beyond the int range selects at most one position, so clamping it changes nothing
        int intStep = (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, step));
        return new AxisSelection((int) start, intStep, (int) count, true);
    }

    private static long clip(long bound, int n, boolean down) {
        if (bound < 0) {
            bound += n;
            return bound < 0 ? (down ? -1 : 0) : bound;
        }
        return bound >= n ? (down ? n - 1 : n) : bound;
    }

    /** The shape of what {@code axes} selects: the counts of the kept axes. */
    static Shape shapeOf(AxisSelection[] axes) {
        int kept = 0;
        for (AxisSelection a : axes) {
            kept += a.kept() ? 1 : 0;
        }
        int[] dims = new int[kept];
        int k = 0;
        for (AxisSelection a : axes) {
            if (a.kept()) {
                dims[k++] = a.count();
            }
        }
        return Shape.of(dims);
    }

    /**
     * Where the selected elements start in the source if they lie there in one contiguous run,
     * in order (such as {@code x[1:]} of a vector, or whole rows of a matrix), else -1: then
     * slicing is one array copy, with no index map.
     */
    static int contiguousStart(AxisSelection[] axes, Shape source) {
        int axis = axes.length - 1;
        while (axis >= 0 && axes[axis].start() == 0 && axes[axis].step() == 1 && axes[axis].count() == source.dim(axis)) {
            axis--;
        }
        if (axis >= 0 && axes[axis].step() != 1 && axes[axis].count() > 1) {
            return -1;
        }
        for (int outer = axis - 1; outer >= 0; outer--) {
            if (axes[outer].count() != 1) {
                return -1;
            }
        }
        int[] strides = source.strides();
        int start = 0;
        for (int k = 0; k < axes.length; k++) {
            start += axes[k].start() * strides[k];
        }
        return start;
    }

    /**
     * For each element of the selection, in row-major order, its row-major index in a source
     * of shape {@code source}.
     */
    static int[] sourceIndices(AxisSelection[] axes, Shape source) {
        int[] strides = source.strides();
        int size = Math.toIntExact(shapeOf(axes).size());
        int[] map = new int[size];
        if (size == 0) {
            return map;
        }
        int[] counter = new int[axes.length];
        int index = 0;
        for (int axis = 0; axis < axes.length; axis++) {
            index += axes[axis].start() * strides[axis];
        }
        for (int i = 0; i < size; i++) {
            map[i] = index;
            for (int axis = axes.length - 1; axis >= 0; axis--) {
                int move = axes[axis].step() * strides[axis];
                counter[axis]++;
                index += move;
                if (counter[axis] < axes[axis].count()) {
                    break;
                }
                index -= move * counter[axis];
                counter[axis] = 0;
            }
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SliceSpec other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** The canonical text: entries separated by {@code ", "}, slices without redundant colons. */
    @Override
    public String toString() {
        return String.join(", ", entries.stream().map(Entry::toString).toList());
    }
}
