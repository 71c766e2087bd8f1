package dev.gradient.codegen;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/** Compiles generated source with Janino into a class of its own class loader. */
final class JaninoClasses {

    private JaninoClasses() {
    }

    /** The class {@link Generator#CLASS_NAME} of {@code source}; an {@link IllegalStateException} where it does not compile. */
    static Class<? extends GeneratedBody> define(String source) {
        SimpleCompiler compiler = new SimpleCompiler();
        // the generated class sees the service's classes (ops, tensors) and nothing is left behind
        // but its own loader, which goes when the class is evicted and no program holds it
        compiler.setParentClassLoader(JaninoClasses.class.getClassLoader());
        try {
            compiler.cook(source);
            return compiler.getClassLoader().loadClass(Generator.CLASS_NAME).asSubclass(GeneratedBody.class);
        } catch (CompileException | ClassNotFoundException e) {
            throw new IllegalStateException("generated code does not compile: " + e.getMessage(), e);
        }
    }
}
