package dev.hotpath.platform.course;

import dev.hotpath.platform.TestCourse;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Benchmark;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code block marked {@code java compilable} is a complete compilation unit that compiles with
 * JDK 17 and JMH 1.37, as lessons/README.md promises. All blocks compile together, as they would
 * side by side in one scratch project.
 */
class CompilableExamplesTest {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern PUBLIC_CLASS = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|strictfp)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)",
            Pattern.MULTILINE);

    /** A compilable block of a page, named after its public top-level class. */
    record Example(Path file, int line, String className, String code) {

        JavaFileObject source() {
            Matcher pkg = PACKAGE.matcher(code);
            String path = (pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "") + className + ".java";
            return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return code;
                }
            };
        }
    }

    @TempDir
    Path classes;

    @Test
    void everyCompilableJavaBlockCompiles() throws Exception {
        Course course = TestCourse.load();
        List<Example> examples = Stream.concat(Stream.of(course.introduction()), course.lessons().stream().map(Lesson::page))
                .flatMap(page -> examples(page).stream())
                .toList();
        assertThat(examples).extracting(Example::className)
                .as("the programs lessons/README.md tells readers to run")
                .contains("WhereTheTimeGoes", "KeyExplosion", "HotLock", "SerializerChurn");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String jmhCore = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> options = List.of("--release", "17", "-proc:none", "-classpath", jmhCore, "-d", classes.toString());
        List<JavaFileObject> sources = examples.stream().map(Example::source).toList();
        boolean compiled = javac.getTask(null, null, diagnostics, options, null, sources).call();

        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                Example example = examples.get(sources.indexOf(diagnostic.getSource()));
                errors.add(example.file() + ":" + (example.line() + diagnostic.getLineNumber()) + ": "
                        + diagnostic.getMessage(Locale.ENGLISH));
            }
        }
        assertThat(errors).as("compilation errors, at their lines in the lessons").isEmpty();
        assertThat(compiled).isTrue();
    }

    private static List<Example> examples(MarkdownPage page) {
        List<Example> examples = new ArrayList<>();
        page.document().accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (List.of(block.getInfo().strip().split("\\s+")).equals(List.of("java", "compilable"))) {
                    Matcher publicClass = PUBLIC_CLASS.matcher(block.getLiteral());
                    assertThat(publicClass.find())
                            .as("%s:%d: a compilable block needs one public top-level class", page.file(),
                                    MarkdownPageParser.lineOf(block))
                            .isTrue();
                    examples.add(new Example(page.file(), MarkdownPageParser.lineOf(block), publicClass.group(1),
                            block.getLiteral()));
                }
            }
        });
        return examples;
    }
}
