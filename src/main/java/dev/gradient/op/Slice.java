package dev.gradient.op;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.graph.Attrs;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.tensor.Arena;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NumPy basic indexing, {@code x[1:, 0]}: the elements that {@code attrs.spec} selects (see
 * {@link SliceSpec}). Linear; its transpose is {@link Unslice}, which puts the cotangent back
 * in place among zeros.
 */
final class Slice implements Primitive {

    private static final int PARSED_LIMIT = 1024;
    private static final Map<String, SliceSpec> PARSED = new ConcurrentHashMap<>();

    @Override public String name() { return "slice"; }
    @Override public Arity arity() { return Arity.exactly(1); }

    @Override
    public List<AttrSpec> attrs() {
        return List.of(new AttrSpec("spec", AttrSpec.Kind.STRING, true,
                "the index as written inside brackets, such as \"1:, 0\", \":-1\", \"::2\" or \"-1\""));
    }

    @Override public String syntax() { return "x[1:, 0] (or slice with attrs.spec = \"1:, 0\")"; }
    @Override public String summary() { return "The elements a NumPy basic index selects: integers drop an axis, slices keep it."; }

    /**
     * The parsed {@code attrs.spec}. Kept by its text, since every run of a graph slices by the
     * same few specs and parsing one costs more than the copy of a small slice; the memo is
     * forgotten whole when it grows past {@link #PARSED_LIMIT} texts, so it stays bounded.
     */
    static SliceSpec spec(String op, Attrs attrs) {
        String text = attrs.string("spec");
        if (text == null) {
            throw new GradientException(ErrorCode.BAD_ATTRS, op + ": the attribute 'spec' is required, such as \"1:, 0\"");
        }
        SliceSpec spec = PARSED.get(text);
        if (spec == null) {
            spec = SliceSpec.parse(text);
            if (PARSED.size() >= PARSED_LIMIT) {
                PARSED.clear();
            }
            PARSED.put(text, spec);
        }
        return spec;
    }


    @Override
    public Shape shape(Shape[] args, Attrs attrs) {
        return SliceSpec.shapeOf(spec(name(), attrs).select(name(), args[0]));
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs) {
        return apply(args, attrs, Arena.none());
    }

    @Override
    public Tensor apply(Tensor[] args, Attrs attrs, Arena arena) {
        Tensor x = args[0];
        SliceSpec.AxisSelection[] axes = spec(name(), attrs).select(name(), x.shape());
        Shape shape = SliceSpec.shapeOf(axes);
        double[] src = x.values();
        int start = SliceSpec.contiguousStart(axes, x.shape());
        if (start >= 0) {
            double[] out = arena.take(Math.toIntExact(shape.size()));
            System.arraycopy(src, start, out, 0, out.length);
            return Tensor.of(shape, out);
        }
        int[] from = SliceSpec.sourceIndices(axes, x.shape());
        double[] out = arena.take(from.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = src[from[i]];
        }
        return Tensor.of(shape, out);
    }

    @Override
    public Jvp linearize(Tensor[] args, Tensor out, Attrs attrs) {
        return tangents -> tangents[0] == null ? null : apply(tangents, attrs);
    }

    @Override
    public int[] vjp(GraphBuilder b, int[] args, int out, int cotangent, Attrs attrs, boolean[] needed) {
        return new int[] {needed[0] ? unslice(b, cotangent, b.shape(args[0]), attrs) : -1};
    }

    @Override
    public int liveMask(GraphBuilder b, int arg, int[] args, int out, int outMask, Attrs attrs) {
        return outMask < 0 ? -1 : unslice(b, outMask, b.shape(args[0]), attrs);
    }

    private static int unslice(GraphBuilder b, int y, Shape shape, Attrs attrs) {
        return b.call("unslice", Attrs.of(Map.of("shape", Shapes.dims(shape), "spec", attrs.string("spec"))), y);
    }

    @Override
    public long cost(Shape[] args, Shape out) {
        return out.size();
    }
}
