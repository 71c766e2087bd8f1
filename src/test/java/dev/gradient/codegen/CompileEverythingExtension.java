package dev.gradient.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class with every program compiled at its first run, and fails it if any
 * compilation failed: how the build's second test run ({@code compiled-path} in the POM) puts
 * the op and engine suites through the compiled path. Registered for JUnit's extension
 * auto-detection, which only that run turns on.
 */
public final class CompileEverythingExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CompileEverythingExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Compilation compilation = Compilation.onCallingThread(CompiledPaths.AT_ONCE);
        Compilation previous = Compilation.install(compilation);
        context.getStore(NAMESPACE).put("previous", previous);
        context.getStore(NAMESPACE).put("compilation", compilation);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Compilation compilation = context.getStore(NAMESPACE).get("compilation", Compilation.class);
        Compilation.install(context.getStore(NAMESPACE).get("previous", Compilation.class));
        assertThat(compilation.failures()).as("compilations that failed in %s", context.getDisplayName()).isZero();
    }
}
