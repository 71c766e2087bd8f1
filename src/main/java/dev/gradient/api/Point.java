package dev.gradient.api;

import dev.gradient.engine.Compiled;
import dev.gradient.engine.Cost;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * One point of a request, ready to run: the function compiled for the shapes of its values,
 * and the values in the compiled graph's input order. Names are looked up through maps built
 * once, since a graph may have as many inputs as the node limit allows.
 */
final class Point {

    private final String pointer;
    private final Compiled compiled;
    private final Tensor[] arguments;
    private final List<String> inputNames;
    private final Map<String, Integer> inputIndex;
    private final List<String> outputNames;

    /**
     * {@code pointer} is where the point is in the request ({@code "/at"} or {@code "/points/3"});
     * {@code arguments} holds a value per input in {@code compiled.graph().inputNames()} order, or
     * is {@code null} for a request that needs only the shapes the function was compiled for.
     */
    Point(String pointer, Compiled compiled, Tensor[] arguments) {
        this.pointer = pointer;
        this.compiled = compiled;
        this.arguments = arguments;
        this.inputNames = compiled.inputNames();
        this.inputIndex = compiled.inputIndex();
        this.outputNames = compiled.outputNames();
    }

    /** Where the point is in the request. */
    String pointer() {
        return pointer;
    }

    /** The function compiled for this point's shapes. */
    Compiled compiled() {
        return compiled;
    }

    /** A value per input, in argument order. Shared: never written to. */
    Tensor[] arguments() {
        return arguments;
    }

    /** The names of the outputs, in order. */
    List<String> outputNames() {
        return outputNames;
    }

    /** The position of input {@code name} among the arguments. */
    int inputIndex(String name) {
        return inputIndex.get(name);
    }

    /** The shape of the input {@code name}: its value's, which the function was compiled for. */
    Shape inputShape(String name) {
        return compiled.graph().shape(compiled.graph().inputs().get(inputIndex(name)));
    }

    /** The shape of output {@code k}. */
    Shape outputShape(int k) {
        return compiled.graph().shape(compiled.graph().outputs().get(k));
    }

    /** The shape of every output, in order. */
    Shape[] outputShapes() {
        Shape[] shapes = new Shape[outputNames.size()];
        for (int k = 0; k < shapes.length; k++) {
            shapes[k] = outputShape(k);
        }
        return shapes;
    }

    /** The argument positions of the inputs named {@code names}. */
    int[] inputIndices(List<String> names) {
        return names.stream().mapToInt(this::inputIndex).toArray();
    }

    /** The total number of elements of the inputs named {@code names}. */
    long elements(List<String> names) {
        long n = 0;
        for (String name : names) {
            n = Cost.add(n, inputShape(name).size());
        }
        return n;
    }

    /** The total number of elements of every output. */
    long outputElements() {
        long n = 0;
        for (int k = 0; k < outputNames.size(); k++) {
            n = Cost.add(n, outputShape(k).size());
        }
        return n;
    }
}
