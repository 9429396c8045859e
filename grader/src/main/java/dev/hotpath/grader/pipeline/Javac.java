package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.report.CompileError;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles source files held in memory with the JDK's compiler, in the calling process: the grader's
 * for the exercise's own (trusted) starter, a child JVM's ({@link CompileStage}) for submissions.
 */
public final class Javac {

    private static final int MAX_ERRORS = 50;

    private Javac() {
    }

    /**
     * Compiles {@code sources} (display path → content) against {@code classpath} into {@code output}.
     * Annotation processing is off: a submission must not run code inside the grader.
     *
     * @return the errors; empty when compilation succeeded
     */
    public static List<CompileError> compile(Map<String, String> sources, List<Path> classpath, Path output) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IOException("no Java compiler in this runtime (" + System.getProperty("java.home")
                    + "): the grader needs a JDK, not a JRE");
        }
        Files.createDirectories(output);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((path, content) -> units.add(new Source(path, content)));
        List<String> options = List.of(
                "--release", "17", "-proc:none", "-implicit:none", "-encoding", "UTF-8",
                "-Xmaxerrs", String.valueOf(MAX_ERRORS), "-g", "-nowarn");
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(javax.tools.StandardLocation.CLASS_PATH, classpath);
            files.setLocationFromPaths(javax.tools.StandardLocation.CLASS_OUTPUT, List.of(output));
            StringWriter compilerOutput = new StringWriter();
            boolean ok = compiler.getTask(compilerOutput, files, diagnostics, options, null, units).call();
            List<CompileError> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                    String file = diagnostic.getSource() == null ? "" : ((Source) diagnostic.getSource()).path;
                    errors.add(new CompileError(file, Math.max(0, diagnostic.getLineNumber()),
                            Math.max(0, diagnostic.getColumnNumber()), diagnostic.getMessage(Locale.ENGLISH)));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add(new CompileError("", 0, 0, "the compiler failed: " + compilerOutput.toString().strip()));
            }
            return errors;
        }
    }

    /** A source file in memory, named by its path relative to the exercise so errors point there. */
    private static final class Source extends SimpleJavaFileObject {

        private final String path;
        private final String content;

        Source(String path, String content) {
            super(uri(path), Kind.SOURCE);
            this.path = path;
            this.content = content;
        }

        private static URI uri(String path) {
            try {
                return new URI("string", null, "/" + path.replace('\\', '/'), null);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("not a usable file name: " + path, e);
            }
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return content;
        }
    }
}
