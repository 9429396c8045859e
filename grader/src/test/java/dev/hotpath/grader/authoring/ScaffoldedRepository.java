package dev.hotpath.grader.authoring;

import dev.hotpath.grader.TestFiles;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away copy of the repository's parts that {@code new} and the checks read (exercises/pom.xml,
 * lessons/), with one exercise written by {@link Scaffold} and compiled the way Maven builds it (javac
 * per source set; JMH's benchmark list is only checked to exist). Never touches the real repository.
 */
public final class ScaffoldedRepository {

    public static final String ID = "string-concat";
    public static final String LESSON = "cost-of-temporary-objects";
    public static final String CLASS = "dev.hotpath.concat.ReportBuilder";
    public static final String SOURCE = "src/main/java/dev/hotpath/concat/ReportBuilder.java";

    private ScaffoldedRepository() {
    }

    /** A repository root in {@code root} with the real exercises/pom.xml and lessons, and no exercise. */
    public static Path empty(Path root) throws IOException {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        Files.createDirectories(root.resolve("exercises"));
        Files.copy(repository.resolve("exercises/pom.xml"), root.resolve("exercises/pom.xml"));
        TestFiles.copyTree(repository.resolve("lessons"), root.resolve("lessons"));
        return root;
    }

    /** {@link #empty} plus the scaffolded exercise, built; returns the exercise's directory. */
    public static Path built(Path root) throws Exception {
        Scaffold.create(empty(root), ID, LESSON, CLASS);
        Path exercise = root.resolve("exercises").resolve(ID);
        build(exercise);
        return exercise;
    }

    /** Compiles the source sets as exercises/pom.xml does, into the directories the grader reads. */
    public static void build(Path exercise) throws IOException {
        Path classes = exercise.resolve("target/classes");
        compile(exercise.resolve("src/main/java"), classes, List.of());
        compile(exercise.resolve("src/test/java"), exercise.resolve("target/test-classes"), List.of(classes));
        compile(exercise.resolve("src/hidden/java"), exercise.resolve("target/hidden-test-classes"), List.of(classes));
        Path benchmarks = exercise.resolve("target/benchmark-classes");
        compile(exercise.resolve("src/jmh/java"), benchmarks, List.of(classes));
        Files.createDirectories(benchmarks.resolve("META-INF"));
        Files.writeString(benchmarks.resolve("META-INF/BenchmarkList"), "");
    }

    private static void compile(Path sources, Path output, List<Path> classpath) throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(f -> f.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Files.createDirectories(output);
        List<String> args = new ArrayList<>(List.of("-proc:none", "-d", output.toString(), "-cp",
                String.join(java.io.File.pathSeparator, Stream.concat(classpath.stream().map(Path::toString),
                        Stream.of(System.getProperty("java.class.path"))).toList())));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (javac.run(null, errors, errors, args.toArray(String[]::new)) != 0) {
            throw new UncheckedIOException(new IOException("cannot compile " + sources + ":\n"
                    + errors.toString(StandardCharsets.UTF_8)));
        }
    }
}
