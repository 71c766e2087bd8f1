package dev.gradient.api;

import dev.gradient.engine.Compiled;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.List;

/**
 * One point of a request, ready to run: the function compiled for the shapes of its values,
 * and the values in the compiled graph's input order.
 *
 * @param pointer the JSON Pointer of the point in the request ({@code "/at"} or {@code "/points/3"})
 * @param compiled the function compiled for this point's shapes
 * @param arguments a value per input, in {@code compiled.graph().inputNames()} order
 */
record Point(String pointer, Compiled compiled, Tensor[] arguments) {

    /** The names of the inputs, in argument order. */
    List<String> inputNames() {
        return compiled.graph().inputNames();
    }

    /** The position of input {@code name} among the arguments, or -1. */
    int inputIndex(String name) {
        return inputNames().indexOf(name);
    }

    /** The shape of the input {@code name}. */
    Shape inputShape(String name) {
        return arguments[inputIndex(name)].shape();
    }

    /** The names of the outputs, in order. */
    List<String> outputNames() {
        return compiled.graph().outputNames();
    }

    /** The shape of output {@code k}. */
    Shape outputShape(int k) {
        return compiled.graph().shape(compiled.graph().outputs().get(k));
    }

    /** The argument positions of the inputs named {@code names}. */
    int[] inputIndices(List<String> names) {
        return names.stream().mapToInt(this::inputIndex).toArray();
    }

    /** The total number of elements of the inputs named {@code names}. */
    long elements(List<String> names) {
        long n = 0;
        for (String name : names) {
            n += inputShape(name).size();
        }
        return n;
    }

    /** The total number of elements of every output. */
    long outputElements() {
        long n = 0;
        for (int k = 0; k < outputNames().size(); k++) {
            n += outputShape(k).size();
        }
        return n;
    }
}
