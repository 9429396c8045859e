package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.TestMain;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.exercise.ExerciseNotReadyException;
import dev.hotpath.grader.report.CompileError;
import dev.hotpath.grader.submission.InvalidSubmissionException;
import dev.hotpath.grader.submission.Submission;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * What the grader derives once per exercise build and reuses for every submission: a private copy of
 * the fixed classes — support code (the build output minus the learner's working copy), visible and
 * hidden tests, benchmarks — readable from the sandbox and safe from rebuilds during grading; the
 * compiled pristine starter; the API the fixed code needs from the editable classes; and the tests to
 * expect. Everything past the copies is derived in the background, so a submission can compile meanwhile.
 */
final class PreparedExercise {

    /**
     * The tests JUnit discovers in the exercise's test classes.
     *
     * @param expected   every test and parameterized test, visible ones first
     * @param containers ids of the engine and test classes around them
     */
    record TestCatalog(List<ExpectedTest> expected, Set<String> containers) {
    }

    /** What is derived from the starter. */
    private record Derived(Path starterClasses, TestCatalog tests) {
    }

    /** The private copies of the exercise's fixed classes. */
    record FixedClasses(Path support, Path visibleTests, Path hiddenTests, Path benchmarks) {

        List<Path> all() {
            return List.of(support, visibleTests, hiddenTests, benchmarks);
        }
    }

    private final Exercise exercise;
    private final Path dir;
    private final FixedClasses classes;
    private final ClassHierarchy fixedHierarchy;
    private final RequiredApi requiredApi;
    private final CompletableFuture<Derived> derived;

    private PreparedExercise(Exercise exercise, Path dir, FixedClasses classes, ClassHierarchy fixedHierarchy,
                             RequiredApi requiredApi, CompletableFuture<Derived> derived) {
        this.exercise = exercise;
        this.dir = dir;
        this.classes = classes;
        this.fixedHierarchy = fixedHierarchy;
        this.requiredApi = requiredApi;
        this.derived = derived;
    }

    /** Prepares {@code exercise} in {@code dir}, which must be empty or absent. */
    static PreparedExercise prepare(Exercise exercise, Path dir) throws GradingException {
        try {
            exercise.checkBuilt();
            FixedClasses classes = new FixedClasses(dir.resolve("support"), dir.resolve("visible-tests"),
                    dir.resolve("hidden-tests"), dir.resolve("benchmarks"));
            copySupportClasses(exercise, classes.support());
            Workspace.copyTree(exercise.visibleTestClasses(), classes.visibleTests());
            Workspace.copyTree(exercise.hiddenTestClasses(), classes.hiddenTests());
            Workspace.copyTree(exercise.benchmarkClasses(), classes.benchmarks());
            ClassHierarchy fixedHierarchy = new ClassHierarchy();
            for (Path root : classes.all()) {
                for (Path file : RequiredApi.classFiles(root)) {
                    fixedHierarchy.add(Files.readAllBytes(file));
                }
            }
            RequiredApi requiredApi = RequiredApi.collect(classes.all(), fixedHierarchy::isExercise);
            CompletableFuture<Derived> derived = new CompletableFuture<>();
            Thread worker = new Thread(() -> {
                try {
                    derived.complete(derive(exercise, classes, dir.resolve("starter")));
                } catch (Throwable t) {
                    derived.completeExceptionally(t);
                }
            }, "hotpath-prepare-" + exercise.id());
            worker.setDaemon(true);
            worker.start();
            return new PreparedExercise(exercise, dir, classes, fixedHierarchy, requiredApi, derived);
        } catch (ExerciseNotReadyException e) {
            throw new GradingException(Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
        } catch (IOException | RuntimeException e) {
            throw new GradingException("could not prepare " + exercise + ": " + e, e);
        }
    }

    private static Derived derive(Exercise exercise, FixedClasses classes, Path starter) throws GradingException {
        try {
            List<CompileError> errors = Javac.compile(
                    Submission.fromDirectory(exercise, exercise.starterDir()).files(), List.of(classes.support()), starter);
            if (!errors.isEmpty()) {
                throw new GradingException("the exercise's starter (" + exercise.starterDir() + ") does not compile: "
                        + errors.stream().map(CompileError::toString).collect(Collectors.joining("; ")));
            }
            Workspace.share(starter);
            return new Derived(starter, discoverTests(classes, starter));
        } catch (InvalidSubmissionException e) {
            throw new GradingException("the exercise's starter is incomplete: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new GradingException("could not prepare " + exercise + ": " + e, e);
        }
    }

    Exercise exercise() {
        return exercise;
    }

    /** Deletes the copies, once the background work has stopped writing the starter's classes into them. */
    void delete() {
        derived.exceptionally(failure -> null).join();
        Workspace.deleteTree(dir);
    }

    FixedClasses classes() {
        return classes;
    }

    /** Supertypes of every fixed class; copy it before adding a submission's classes. */
    ClassHierarchy fixedHierarchy() {
        return fixedHierarchy;
    }

    Path starterClasses() throws GradingException {
        return derived().starterClasses();
    }

    TestCatalog tests() throws GradingException {
        return derived().tests();
    }

    /** Checks that a compiled submission still offers what the tests and benchmarks call. */
    List<CompileError> checkApi(Path submissionClasses) {
        return requiredApi.check(submissionClasses, exercise.manifest().editable());
    }

    private Derived derived() throws GradingException {
        try {
            return derived.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingException("grading was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GradingException problem) {
                throw problem;
            }
            throw new GradingException("could not prepare " + exercise + ": " + e.getCause(), e.getCause());
        }
    }

    /**
     * Copies the build output's classes into {@code support}, except those compiled from an editable
     * file: that is the learner's working copy, which is graded from its source instead.
     */
    private static void copySupportClasses(Exercise exercise, Path support) throws IOException {
        Path classes = exercise.mainClasses();
        for (Path file : RequiredApi.classFiles(classes)) {
            byte[] bytes = Files.readAllBytes(file);
            if (exercise.manifest().editable().contains(sourcePath(new ClassReader(bytes)))) {
                continue;
            }
            Path target = support.resolve(classes.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        }
        Workspace.share(support);
    }

    /** The source file a class was compiled from, as a path like {@code src/main/java/a/b/C.java}. */
    static String sourcePath(ClassReader reader) {
        String[] sourceFile = new String[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitSource(String source, String debug) {
                sourceFile[0] = source;
            }
        }, ClassReader.SKIP_CODE);
        String name = reader.getClassName();
        String packageDir = name.substring(0, name.lastIndexOf('/') + 1);
        String source = sourceFile[0] != null ? sourceFile[0]
                : name.substring(packageDir.length()).split("\\$", -1)[0] + ".java";
        return "src/main/java/" + packageDir + source;
    }

    private static TestCatalog discoverTests(FixedClasses classes, Path starter) throws IOException {
        Path support = classes.support();
        Path visible = classes.visibleTests();
        Path hidden = classes.hiddenTests();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls(starter, support, visible, hidden),
                PreparedExercise.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            TestPlan plan = TestMain.launcher().discover(TestMain.request(Set.of(visible, hidden)));
            List<ExpectedTest> expected = new ArrayList<>();
            Set<String> containers = new HashSet<>();
            for (TestIdentifier root : plan.getRoots()) {
                containers.add(root.getUniqueId());
                for (TestIdentifier node : plan.getDescendants(root)) {
                    if (node.getSource().orElse(null) instanceof MethodSource method
                            && (node.isTest() || node.isContainer())) {
                        String classFile = method.getClassName().replace('.', '/') + ".class";
                        expected.add(new ExpectedTest(node.getUniqueId(), method.getClassName(), method.getMethodName(),
                                displayPath(plan, node), Files.exists(hidden.resolve(classFile)), node.isContainer()));
                    } else {
                        containers.add(node.getUniqueId());
                    }
                }
            }
            expected.sort(java.util.Comparator.comparing(ExpectedTest::hidden).thenComparing(ExpectedTest::id));
            if (expected.isEmpty()) {
                throw new IOException("JUnit found no tests in " + visible + " or " + hidden);
            }
            return new TestCatalog(List.copyOf(expected), Set.copyOf(containers));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** "Class display name › method display name", nested classes included. */
    private static String displayPath(TestPlan plan, TestIdentifier node) {
        List<String> names = new ArrayList<>();
        for (TestIdentifier current = node; current != null && current.getParentId().isPresent();
             current = plan.getParent(current).orElse(null)) {
            names.add(0, current.getDisplayName());
        }
        return String.join(" › ", names);
    }

    private static URL[] urls(Path... paths) throws MalformedURLException {
        URL[] urls = new URL[paths.length];
        for (int i = 0; i < paths.length; i++) {
            urls[i] = paths[i].toUri().toURL();
        }
        return urls;
    }
}
