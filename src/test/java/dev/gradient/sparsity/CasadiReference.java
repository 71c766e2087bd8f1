package dev.gradient.sparsity;

import dev.gradient.engine.Compiled;
import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.Graph;
import dev.gradient.graph.GraphCompiler;
import dev.gradient.parse.ParseLimits;
import dev.gradient.parse.SourceParser;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One function of the CasADi reference file {@code sparsity/casadi-reference.json}, written by
 * {@code src/test/python/casadi_sparsity_reference.py}: gradient expressions for its Jacobian and
 * for a scalar to take the Hessian of, its inputs and point, and CasADi's patterns and values,
 * already in gradient's row-major numbering (rows: output elements; columns: the inputs' elements
 * in the order listed). Read without Python.
 *
 * @param name what the function is
 * @param jacobianExpression the expression whose Jacobian CasADi's {@code jacobian} is
 * @param hessianExpression the scalar expression whose Hessian CasADi's {@code hessian} is
 * @param inputNames the inputs, in the order of the columns
 * @param inputShapes their shapes
 * @param point each input's value, flattened row-major
 * @param jacobian CasADi's Jacobian
 * @param hessian CasADi's Hessian
 * @param differences for {@code "jacobian"} or {@code "hessian"}, a known difference from CasADi
 */
record CasadiReference(String name, String jacobianExpression, String hessianExpression, List<String> inputNames,
        List<Shape> inputShapes, List<double[]> point, Entries jacobian, Entries hessian, Map<String, Difference> differences) {

    private static final String RESOURCE = "/sparsity/casadi-reference.json";
    private static final SourceParser PARSER = new SourceParser(new ParseLimits(65_536, 256, 200_000));

    /**
     * A derivative matrix in coordinate form as CasADi has it: its structural non-zeros, sorted by
     * row and column, and their values at the point (a structural non-zero may be zero in value).
     */
    record Entries(SparsityPattern pattern, double[] values) {

        /** The value at {@code (row, col)}; zero off the pattern. */
        double valueAt(int row, int col) {
            int[] rows = pattern.rows();
            int[] cols = pattern.cols();
            for (int k = 0; k < rows.length; k++) {
                if (rows[k] == row && cols[k] == col) {
                    return values[k];
                }
            }
            return 0.0;
        }
    }

    /**
     * A known difference between CasADi's pattern and gradient's.
     *
     * @param looser {@code "casadi"} where CasADi keeps entries gradient's rules drop, {@code "ours"} the other way
     * @param reason why
     */
    record Difference(String looser, String reason) {
    }

    /** A function compiled from one of the expressions, with its {@code wrt} (every input, in the file's order) and point. */
    record Function(Compiled compiled, int[] wrt, Tensor[] point) {
    }

    @Override
    public String toString() {
        return name;
    }

    /** Every function of the reference file, in order. */
    static List<CasadiReference> all() {
        JsonNode root;
        try (InputStream in = CasadiReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: run src/test/python/casadi_sparsity_reference.py");
            }
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CasadiReference> functions = new ArrayList<>();
        for (JsonNode f : root.get("functions")) {
            functions.add(of(f));
        }
        return functions;
    }

    private static CasadiReference of(JsonNode f) {
        List<String> names = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        List<double[]> point = new ArrayList<>();
        for (JsonNode input : f.get("inputs")) {
            String name = input.get("name").asString();
            names.add(name);
            shapes.add(Shape.of(ints(input.get("shape"))));
            point.add(doubles(f.get("point").get(name)));
        }
        Map<String, Difference> differences = new HashMap<>();
        JsonNode notes = f.get("differences");
        if (notes != null) {
            for (String kind : notes.propertyNames()) {
                differences.put(kind, new Difference(notes.get(kind).get("looser").asString(), notes.get(kind).get("reason").asString()));
            }
        }
        return new CasadiReference(f.get("name").asString(), f.get("jacobianExpression").asString(),
                f.get("hessianExpression").asString(), names, shapes, point, entries(f.get("jacobian")),
                entries(f.get("hessian")), differences);
    }

    /** {@code expression} compiled for this function's input shapes, as the service would compile it. */
    Function compile(String expression) {
        Graph graph = PARSER.expression(expression, "/expression");
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int j = 0; j < inputNames.size(); j++) {
            byName.put(inputNames.get(j), j);
        }
        List<String> order = graph.inputNames();
        Shape[] shapes = new Shape[order.size()];
        for (int i = 0; i < shapes.length; i++) {
            Integer j = byName.get(order.get(i));
            if (j == null) {
                throw new IllegalStateException(name + ": the expression reads '" + order.get(i) + "', which is not an input of the file");
            }
            shapes[i] = inputShapes.get(j);
        }
        Compiled f = new Compiled(GraphCompiler.compile(graph, shapes, BuildLimits.NONE), BuildLimits.NONE);
        int[] wrt = new int[inputNames.size()];
        Tensor[] values = new Tensor[order.size()];
        for (int j = 0; j < wrt.length; j++) {
            Integer index = f.inputIndex().get(inputNames.get(j));
            if (index == null) {
                throw new IllegalStateException(name + ": the expression \"" + expression + "\" does not read input '"
                        + inputNames.get(j) + "'");
            }
            wrt[j] = index;
            values[index] = Tensor.of(inputShapes.get(j), point.get(j));
        }
        return new Function(f, wrt, values);
    }

    private static Entries entries(JsonNode matrix) {
        int[] shape = ints(matrix.get("shape"));
        SparsityPattern pattern = new SparsityPattern(shape[0], shape[1], ints(matrix.get("rows")), ints(matrix.get("cols")));
        return new Entries(pattern, doubles(matrix.get("values")));
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = array.get(k).asInt();
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = array.get(k).asDouble();
        }
        return out;
    }
}
