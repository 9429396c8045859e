package dev.hotpath.grader.authoring;

import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.exercise.ExerciseNotReadyException;
import dev.hotpath.grader.exercise.Hint;
import dev.hotpath.grader.exercise.ManifestReader;
import dev.hotpath.grader.exercise.Metric;
import dev.hotpath.grader.exercise.Trap;
import dev.hotpath.grader.yaml.YamlException;
import dev.hotpath.grader.yaml.YamlMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code validate --check}: the wiring of an exercise, in a second, before anything is graded. The
 * manifest parses; {@code exercises/pom.xml} builds the module; the lesson exists and lists the
 * exercise; every editable file has its starter and solution copy; every trap's {@code find:} occurs
 * once; the build is fresh; counters and benchmarks exist as the manifest names them (read from the
 * compiled classes); every test a trap or a hint names exists. Each problem names a file and a line.
 */
public final class ExerciseCheck {

    static final Set<String> TEST_ANNOTATIONS = Set.of("Lorg/junit/jupiter/api/Test;",
            "Lorg/junit/jupiter/api/RepeatedTest;", "Lorg/junit/jupiter/api/TestFactory;",
            "Lorg/junit/jupiter/api/TestTemplate;", "Lorg/junit/jupiter/params/ParameterizedTest;");
    static final String BENCHMARK_ANNOTATION = "Lorg/openjdk/jmh/annotations/Benchmark;";

    private final Path dir;
    private final Path exercisesDir;
    private final Path repositoryDir;
    private final String manifestFile;
    private final List<Problem> problems = new ArrayList<>();

    private ExerciseCheck(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        // exercises/<id>: the parent pom sits in exercises/, the lessons beside it.
        this.exercisesDir = parentOf(this.dir);
        this.repositoryDir = parentOf(this.exercisesDir);
        this.manifestFile = YamlException.displayName(this.dir.resolve(ManifestReader.FILE_NAME));
    }

    /** Every wiring problem of the exercise in {@code dir}; empty when it is ready to be graded. */
    private static Path parentOf(Path path) {
        Path parent = path.getParent();
        if (parent == null) {
            throw new IllegalArgumentException(path + " is not inside an exercises folder of a repository");
        }
        return parent;
    }

    public static List<Problem> run(Path dir) {
        return new ExerciseCheck(dir).check();
    }

    private List<Problem> check() {
        Exercise exercise;
        YamlMap manifest;
        try {
            exercise = Exercise.load(dir);
            manifest = YamlMap.parse(manifestFile, Files.readString(dir.resolve(ManifestReader.FILE_NAME),
                    StandardCharsets.UTF_8));
        } catch (YamlException e) {
            return List.of(problem(e));
        } catch (IOException e) {
            return List.of(new Problem(manifestFile, 0, "cannot be read: " + e.getMessage()));
        }
        checkModule(exercise);
        checkLesson(exercise, manifest);
        checkCopies(exercise, manifest);
        Map<Path, Trap> traps = traps(exercise);
        boolean built = checkBuilt(exercise);
        if (built) {
            checkMetrics(exercise, manifest);
            checkTestNames(exercise, manifest, traps);
        }
        return List.copyOf(problems);
    }

    private void checkModule(Exercise exercise) {
        Path pom = exercisesDir.resolve("pom.xml");
        String file = YamlException.displayName(pom);
        String line = "<module>" + exercise.id() + "</module>";
        if (!Files.isRegularFile(pom)) {
            problems.add(new Problem(file, 0, "is missing: the exercises' parent pom must list " + line));
            return;
        }
        String text = read(pom);
        if (!Pattern.compile("<module>\\s*" + Pattern.quote(exercise.id()) + "\\s*</module>").matcher(text).find()) {
            int modules = lineOf(text, "<modules>");
            problems.add(new Problem(file, modules, "has no " + line + ": add it inside <modules>, or Maven never"
                    + " builds the exercise"));
        }
    }

    private void checkLesson(Exercise exercise, YamlMap manifest) {
        Path lessonsDir = repositoryDir.resolve("lessons");
        List<Lessons.Lesson> lessons = Lessons.read(lessonsDir);
        String wanted = exercise.manifest().lesson();
        Optional<Lessons.Lesson> lesson = Lessons.find(lessons, wanted);
        if (lesson.isEmpty()) {
            List<String> ids = lessons.stream().map(Lessons.Lesson::id).toList();
            problems.add(new Problem(manifestFile, manifest.line("lesson"), "lesson: there is no lesson \"" + wanted
                    + "\" in " + YamlException.displayName(lessonsDir) + Nearest.suggestion(wanted, ids)
                    + " (lessons: " + String.join(", ", ids) + ")"));
        } else if (!lesson.get().exercises().contains(exercise.id())) {
            Lessons.Lesson found = lesson.get();
            problems.add(new Problem(YamlException.displayName(found.file()), found.exercisesLine() > 0
                    ? found.exercisesLine() : 2, "exercises: lesson \"" + found.id() + "\" does not list \""
                    + exercise.id() + "\" in its front matter: add it, or the platform refuses to start"));
        }
    }

    /** Every editable file exists as the learner's working copy (checked by the manifest), in starter/ and solution/. */
    private void checkCopies(Exercise exercise, YamlMap manifest) {
        for (String file : exercise.manifest().editable()) {
            for (Path copyDir : List.of(exercise.starterDir(), exercise.solutionDir())) {
                Path copy = copyDir.resolve(file);
                if (!Files.isRegularFile(copy)) {
                    problems.add(new Problem(manifestFile, manifest.line("editable"), "editable: \"" + file
                            + "\" has no copy in " + dir.relativize(copyDir) + "/ (expected "
                            + YamlException.displayName(copy) + ")"));
                }
            }
        }
    }

    /** The traps that parse, with their files; each find is checked on the spot. */
    private Map<Path, Trap> traps(Exercise exercise) {
        Map<Path, Trap> traps = new LinkedHashMap<>();
        List<Trap> all;
        try {
            all = Trap.readAll(exercise);
        } catch (YamlException e) {
            problems.add(problem(e));
            return traps;
        } catch (IOException e) {
            problems.add(new Problem(YamlException.displayName(exercise.trapsDir()), 0, "cannot be read: " + e));
            return traps;
        }
        for (Trap trap : all) {
            Path file = exercise.trapsDir().resolve(trap.name() + ".yaml");
            traps.put(file, trap);
            try {
                problems.addAll(TrapFinds.check(exercise, trap, file));
            } catch (IOException e) {
                problems.add(new Problem(YamlException.displayName(file), 0, "cannot read its base: " + e));
            }
        }
        return traps;
    }

    /** One message naming the command when anything is stale: the checks below read the compiled classes. */
    private boolean checkBuilt(Exercise exercise) {
        try {
            exercise.checkBuilt();
            return true;
        } catch (ExerciseNotReadyException e) {
            problems.add(new Problem(YamlException.displayName(dir), 0, e.getMessage()
                    + " (classes, benchmarks and test names are checked once it is built)"));
            return false;
        }
    }

    private void checkMetrics(Exercise exercise, YamlMap manifest) {
        Map<String, ClassFile> support = byName(ClassFile.readAll(exercise.mainClasses()));
        Map<String, ClassFile> benchmarks = byName(ClassFile.readAll(exercise.benchmarkClasses()));
        List<YamlMap> entries = maps(manifest, "metrics");
        List<Metric> metrics = exercise.manifest().metrics();
        for (int i = 0; i < metrics.size(); i++) {
            Metric metric = metrics.get(i);
            String key = metric.kind().counts() ? "counter" : "benchmark";
            String field = "metrics[" + i + "]." + key;
            int line = i < entries.size() ? entries.get(i).line(key) : 0;
            Optional<String> problem = metric.kind().counts()
                    ? counterProblem(metric.target(), support)
                    : benchmarkProblem(metric.target(), benchmarks);
            problem.ifPresent(reason -> problems.add(new Problem(manifestFile, line, field + ": " + reason)));
        }
    }

    private static Optional<String> counterProblem(String name, Map<String, ClassFile> support) {
        ClassFile counter = support.get(name);
        if (counter == null) {
            return Optional.of("no class " + name + " in src/main/java" + Nearest.suggestion(name, support.keySet()));
        }
        if (!implementsLongSupplier(counter, support)) {
            return Optional.of(name + " does not implement java.util.function.LongSupplier");
        }
        if (!counter.isPublic() || counter.isAbstract()) {
            return Optional.of(name + " must be a public, concrete class: the grader creates it");
        }
        if (counter.method("<init>", "()V").filter(ClassFile.Method::isPublic).isEmpty()) {
            return Optional.of(name + " has no public no-argument constructor: the grader creates it with one");
        }
        return Optional.empty();
    }

    private static boolean implementsLongSupplier(ClassFile type, Map<String, ClassFile> classes) {
        for (String parent : type.interfaces()) {
            if (parent.equals("java.util.function.LongSupplier")
                    || (classes.containsKey(parent) && implementsLongSupplier(classes.get(parent), classes))) {
                return true;
            }
        }
        return classes.containsKey(type.superName()) && implementsLongSupplier(classes.get(type.superName()), classes);
    }

    private static Optional<String> benchmarkProblem(String target, Map<String, ClassFile> benchmarks) {
        int dot = target.lastIndexOf('.');
        String className = target.substring(0, dot);
        String method = target.substring(dot + 1);
        ClassFile benchmark = benchmarks.get(className);
        if (benchmark == null) {
            return Optional.of("no class " + className + " in src/jmh/java" + Nearest.suggestion(className,
                    benchmarks.keySet()));
        }
        List<String> methods = benchmark.methods().stream()
                .filter(m -> m.annotations().contains(BENCHMARK_ANNOTATION)).map(ClassFile.Method::name).toList();
        if (!methods.contains(method)) {
            return Optional.of(className + " has no @Benchmark method " + method + Nearest.suggestion(method, methods)
                    + " (its benchmark methods: " + (methods.isEmpty() ? "none" : String.join(", ", methods)) + ")");
        }
        return Optional.empty();
    }

    private void checkTestNames(Exercise exercise, YamlMap manifest, Map<Path, Trap> traps) {
        Set<String> tests = new LinkedHashSet<>();
        for (Path classes : List.of(exercise.visibleTestClasses(), exercise.hiddenTestClasses())) {
            tests.addAll(testMethods(byName(ClassFile.readAll(classes))));
        }
        Set<String> testClasses = tests.stream().map(test -> test.substring(0, test.indexOf('#')))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String where = "in src/test/java or src/hidden/java";
        traps.forEach((file, trap) -> {
            int line = failingTestsLine(file);
            for (String test : trap.failingTests()) {
                if (!tests.contains(test)) {
                    problems.add(new Problem(YamlException.displayName(file), line, "failing-tests: no such test: "
                            + test + " " + where + Nearest.suggestion(test, tests)));
                }
            }
        });
        List<YamlMap> entries = maps(manifest, "hints");
        List<Hint> hints = exercise.manifest().hints();
        for (int i = 0; i < hints.size(); i++) {
            int line = i < entries.size() ? entries.get(i).line("tests") : 0;
            for (String test : hints.get(i).tests()) {
                boolean exists = test.contains("#") ? tests.contains(test) : testClasses.contains(test);
                if (!exists) {
                    problems.add(new Problem(manifestFile, line, "hints[" + i + "].tests: no such test"
                            + (test.contains("#") ? "" : " class") + ": " + test + " " + where
                            + Nearest.suggestion(test, test.contains("#") ? tests : testClasses)));
                }
            }
        }
    }

    /** {@code Simple#method} for every test method, inherited ones under the class that runs them. */
    private static Set<String> testMethods(Map<String, ClassFile> classes) {
        Set<String> tests = new LinkedHashSet<>();
        for (ClassFile type : classes.values()) {
            if (type.isAbstract()) {
                continue;
            }
            for (ClassFile c = type; c != null; c = classes.get(c.superName())) {
                for (ClassFile.Method method : c.methods()) {
                    if (method.annotations().stream().anyMatch(TEST_ANNOTATIONS::contains)) {
                        tests.add(type.simpleName() + "#" + method.name());
                    }
                }
            }
        }
        return tests;
    }

    private static int failingTestsLine(Path trapFile) {
        try {
            return YamlMap.parse(trapFile.toString(), read(trapFile)).line("failing-tests");
        } catch (YamlException e) {
            return 0; // it parsed a moment ago, as a trap
        }
    }

    private static List<YamlMap> maps(YamlMap manifest, String key) {
        try {
            return manifest.has(key) ? manifest.maps(key) : List.of();
        } catch (YamlException e) {
            return List.of(); // the manifest reader accepted it: cannot happen
        }
    }

    private static Map<String, ClassFile> byName(List<ClassFile> classes) {
        Map<String, ClassFile> byName = new HashMap<>();
        for (ClassFile type : classes) {
            byName.put(type.name(), type);
        }
        return byName;
    }

    private static Problem problem(YamlException e) {
        return new Problem(e.source(), e.line(), (e.field().isEmpty() ? "" : e.field() + ": ") + e.reason());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int lineOf(String text, String wanted) {
        int at = text.indexOf(wanted);
        return at < 0 ? 0 : TrapFinds.lineOf(text, at);
    }
}
