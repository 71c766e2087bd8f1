package dev.gradient.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.graph.BuildLimits;
import dev.gradient.graph.GraphBuilder;
import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.Plan;
import dev.gradient.tensor.Shape;
import dev.gradient.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;
import org.codehaus.janino.util.ClassFile;
import org.junit.jupiter.api.Test;

/**
 * Generated code stays within what HotSpot JIT-compiles (no method over 8000 bytes of bytecode,
 * here held to half that) on the largest programs of the default {@code max-nodes}, and they
 * compile in a bounded time and compute the interpreter's bits: a long elementwise chain (loops
 * cut at their member bound), loops and calls alternating (a method each), and one call of
 * thousands of arguments.
 */
class GeneratedMethodSizeTest {

    private static final int NODES = CompileSettings.DEFAULTS.maxNodes();
    private static final int MAX_METHOD_BYTES = 4_000;
    private static final Shape VECTOR = Shape.of(10);

    @Test
    void aLongElementwiseChainIsCutIntoSmallMethods() throws Exception {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", VECTOR);
        int y = x;
        for (int i = 0; b.size() < NODES; i++) {
            y = i % 2 == 0 ? b.call("sin", y) : b.call("mul", y, x);
        }
        holds(b.build(List.of(y), List.of("f")));
    }

    @Test
    void alternatingLoopsAndCallsAreSmallMethods() throws Exception {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int x = b.input("x", VECTOR);
        int y = x;
        while (b.size() < NODES) {
            // the sum reads the loop's last value, which closes the loop: a loop, a call, a loop, ...
            y = b.call("mul", y, b.call("tanh", b.call("sum", y)));
        }
        holds(b.build(List.of(y), List.of("f")));
    }

    @Test
    void aCallOfThousandsOfArgumentsIsASmallMethod() throws Exception {
        GraphBuilder b = new GraphBuilder(BuildLimits.NONE);
        int[] parts = new int[NODES / 2];
        int x = b.input("x", Shape.SCALAR);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = b.call("sin", x);
        }
        holds(b.build(List.of(b.call("vector", parts)), List.of("f")));
    }

    /** Every method of {@code graph}'s class is small, it compiles in seconds, and it computes the interpreter's bits. */
    private static void holds(ShapedGraph graph) throws CompileException {
        Plan plan = new Plan(graph);
        String source = Generator.source(graph, plan, 0, Fusion.schedule(graph, plan, 0), false, Fault.NONE);
        long began = System.nanoTime();
        SimpleCompiler compiler = new SimpleCompiler();
        compiler.setParentClassLoader(GeneratedMethodSizeTest.class.getClassLoader());
        compiler.cook(source);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        assertThat(millis).as("milliseconds to compile %d nodes", graph.size()).isLessThan(20_000);
        List<Integer> sizes = new ArrayList<>();
        for (ClassFile file : compiler.getClassFiles()) {
            for (ClassFile.MethodInfo method : file.methodInfos) {
                for (ClassFile.AttributeInfo attribute : method.getAttributes()) {
                    if (attribute instanceof ClassFile.CodeAttribute code) {
                        sizes.add(code.code.length);
                    }
                }
            }
        }
        assertThat(sizes).as("bytes of bytecode of each generated method").isNotEmpty()
                .allSatisfy(size -> assertThat(size).isLessThan(MAX_METHOD_BYTES));
        Compilation compilation = Compilation.onCallingThread(CompiledPaths.AT_ONCE);
        Tensor[] point = {graph.shape(graph.inputs().get(0)).size() == 1 ? Tensor.scalar(0.3) : CompiledFunctions.random(7, 10)};
        List<Tensor> compiled = Arrays.asList(CompiledFunctions.program(compilation, graph).run(point, new Tensor[0]));
        assertThat(compilation.compilations()).isOne();
        CompiledPaths.assertSameBits("the compiled run", Arrays.asList(plan.run(point, new Tensor[0])), compiled);
    }
}
