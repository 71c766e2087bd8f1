package dev.gradient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The layering, enforced: each package's {@code package-info.java} says in one sentence,
 * "May import: ...", which packages its classes may use, and this test reads that sentence and
 * checks the compiled classes against it, so that the documentation and the code cannot drift.
 * The JDK ({@code java}) and a package's own classes are always allowed. Only {@code api}, the
 * top, may import anything, and nothing imports it.
 */
@AnalyzeClasses(packages = "dev.gradient", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    private static final Path MAIN = Path.of("src", "main", "java", "dev", "gradient");
    private static final String ROOT = "dev.gradient";
    /** What api's package-info says instead of a list. */
    private static final String ANYTHING = "any package of the service and any library";
    private static final Pattern MAY_IMPORT = Pattern.compile("May import: (.*?)(?:<p>|\\*/)", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\\{@code\\s+([\\w.]+)\\}");

    /** Every package of the service that has main classes, by the directories that hold its sources. */
    static List<String> packages() {
        try (Stream<Path> sources = Files.walk(MAIN)) {
            return sources.filter(p -> p.toString().endsWith(".java")).map(p -> packageOf(MAIN.relativize(p.getParent())))
                    .distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String packageOf(Path relative) {
        String sub = relative.toString().replace(relative.getFileSystem().getSeparator(), ".");
        return sub.isEmpty() ? ROOT : ROOT + "." + sub;
    }

    /** The "May import" sentence of {@code pkg}'s package-info, with its comment markup taken out. */
    static String mayImport(String pkg) {
        Path info = MAIN.resolve(pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1).replace('.', '/'))
                .resolve("package-info.java");
        assertThat(info).as("%s has a package-info.java", pkg).exists();
        try {
            String text = Files.readString(info, StandardCharsets.UTF_8);
            Matcher m = MAY_IMPORT.matcher(text);
            assertThat(m.find()).as("%s says what it may import (\"May import: ...\")", info).isTrue();
            return m.group(1).replaceAll("\\s*\\n\\s*\\*\\s*", " ").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packages that {@code pkg} may import, as ArchUnit package patterns, or {@code null} for anything. */
    static List<String> allowed(String pkg) {
        String sentence = mayImport(pkg);
        if (sentence.contains(ANYTHING)) {
            return null;
        }
        List<String> patterns = new ArrayList<>(List.of("java..", pkg.equals(ROOT) ? ROOT : pkg + ".."));
        Matcher m = CODE.matcher(sentence);
        while (m.find()) {
            patterns.add(m.group(1) + "..");
        }
        assertThat(patterns).as("%s lists what it may import", pkg).hasSizeGreaterThan(2);
        return patterns;
    }

    private static ArchRule importsOnlyWhatItsPackageInfoAllows(String pkg, List<String> allowed) {
        return classes().that().resideInAPackage(pkg.equals(ROOT) ? ROOT : pkg + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .because(pkg + "'s package-info.java says: May import: " + mayImport(pkg));
    }

    @ArchTest
    static void everyPackageImportsOnlyWhatItsPackageInfoSays(JavaClasses classes) {
        List<String> violations = new ArrayList<>();
        for (String pkg : packages()) {
            List<String> allowed = allowed(pkg);
            if (allowed != null) {
                EvaluationResult result = importsOnlyWhatItsPackageInfoAllows(pkg, allowed).evaluate(classes);
                if (result.hasViolation()) {
                    violations.add(result.getFailureReport().toString());
                }
            }
        }
        assertThat(violations).as("imports that a package-info.java does not allow").isEmpty();
    }

    @ArchTest
    static final ArchRule nothingImportsTheHttpLayer = noClasses().that().resideOutsideOfPackage("dev.gradient.api..")
            .should().dependOnClassesThat().resideInAPackage("dev.gradient.api..")
            .because("api is the top layer: " + mayImport("dev.gradient.api"));

    @ArchTest
    static void onlyTheHttpLayerMayImportAnything(JavaClasses classes) {
        Set<String> unrestricted = packages().stream().filter(pkg -> allowed(pkg) == null).collect(Collectors.toSet());
        assertThat(unrestricted).containsExactly("dev.gradient.api");
        Set<String> analysed = classes.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(analysed).as("every package with classes has sources here").isSubsetOf(packages());
    }
}
