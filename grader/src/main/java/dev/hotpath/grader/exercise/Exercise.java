package dev.hotpath.grader.exercise;

import dev.hotpath.grader.yaml.YamlException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An exercise module on disk: its manifest and where its sources and build output live. The layout
 * is fixed (docs/authoring-exercises.md):
 * <pre>
 *   exercise.yaml
 *   src/main/java     support code + the learner's working copy of the editable files
 *   src/test/java     visible tests          -> target/test-classes
 *   src/hidden/java   hidden tests           -> target/hidden-test-classes
 *   src/jmh/java      JMH benchmarks         -> target/benchmark-classes
 *   starter/          the pristine starter, laid out like a submission (the performance baseline)
 *   solution/         the reference solution, laid out like a submission
 *   traps/NAME.yaml   known-wrong solutions: the starter or solution with a few replacements
 * </pre>
 */
public final class Exercise {

    private final Path dir;
    private final ExerciseManifest manifest;

    private Exercise(Path dir, ExerciseManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** Loads the exercise in {@code dir}, checking its manifest. */
    public static Exercise load(Path dir) throws YamlException {
        Path absolute = dir.toAbsolutePath().normalize();
        return new Exercise(absolute, ManifestReader.read(absolute));
    }

    public Path dir() {
        return dir;
    }

    public ExerciseManifest manifest() {
        return manifest;
    }

    public String id() {
        return manifest.id();
    }

    /** Support code plus the compiled working copy; the grader uses only the support classes. */
    public Path mainClasses() {
        return dir.resolve("target/classes");
    }

    public Path visibleTestClasses() {
        return dir.resolve("target/test-classes");
    }

    public Path hiddenTestClasses() {
        return dir.resolve("target/hidden-test-classes");
    }

    public Path benchmarkClasses() {
        return dir.resolve("target/benchmark-classes");
    }

    public Path starterDir() {
        return dir.resolve("starter");
    }

    public Path solutionDir() {
        return dir.resolve("solution");
    }

    public Path trapsDir() {
        return dir.resolve("traps");
    }

    /** Checks that the build output the grader needs exists and is not older than its sources. */
    public void checkBuilt() throws ExerciseNotReadyException {
        String rebuild = "build it first: mvn -q package -DskipTests -pl exercises/" + id();
        checkSourceSet("src/main/java", mainClasses(), rebuild);
        checkSourceSet("src/test/java", visibleTestClasses(), rebuild);
        // Hidden tests and benchmarks compile at package, not in the `mvn test` that recompiles the support code
        // (exercises/pom.xml): support code changed after them may no longer have the API they were compiled against.
        checkSourceSet("src/hidden/java", hiddenTestClasses(), rebuild, "src/main/java");
        checkSourceSet("src/jmh/java", benchmarkClasses(), rebuild, "src/main/java");
        if (!Files.isRegularFile(benchmarkClasses().resolve("META-INF/BenchmarkList"))) {
            throw new ExerciseNotReadyException("exercise " + id() + ": JMH's benchmark list is missing from "
                    + dir.relativize(benchmarkClasses()) + " (is the JMH annotation processor configured?); " + rebuild);
        }
    }

    /** {@code classes} exist and are newer than their {@code sources} and the {@code dependencies} compiled against. */
    private void checkSourceSet(String sources, Path classes, String rebuild, String... dependencies)
            throws ExerciseNotReadyException {
        Optional<FileTime> newestClass = newest(classes, ".class");
        if (newestClass.isEmpty()) {
            throw new ExerciseNotReadyException("exercise " + id() + " is not built: no classes in "
                    + dir.relativize(classes) + "; " + rebuild);
        }
        if (changedAfter(sources, newestClass.get())) {
            throw new ExerciseNotReadyException("exercise " + id() + ": " + sources
                    + " changed after it was last compiled; " + rebuild);
        }
        for (String dependency : dependencies) {
            if (changedAfter(dependency, newestClass.get())) {
                throw new ExerciseNotReadyException("exercise " + id() + ": " + dependency + " changed after "
                        + sources + " was last compiled against it; " + rebuild);
            }
        }
    }

    /** Whether a source under {@code sources}, the editable files aside, is newer than {@code compiled}. */
    private boolean changedAfter(String sources, FileTime compiled) {
        Optional<FileTime> newestSource = newest(dir.resolve(sources), ".java", manifest.editable());
        return newestSource.isPresent() && newestSource.get().compareTo(compiled) > 0;
    }

    private Optional<FileTime> newest(Path root, String suffix, List<String> excludedRelativePaths) {
        return newestModification(root, file -> file.toString().endsWith(suffix)
                && !excludedRelativePaths.contains(dir.relativize(file).toString().replace('\\', '/')));
    }

    /**
     * The newest modification time of {@code path} and what lies under it, of those {@code include} accepts;
     * empty when there is no such file.
     */
    public static Optional<FileTime> newestModification(Path path, Predicate<Path> include) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(include).map(Exercise::modified).max(FileTime::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<FileTime> newest(Path root, String suffix) {
        return newest(root, suffix, List.of());
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "exercise " + id() + " (" + dir + ")";
    }
}
