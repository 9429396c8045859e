package dev.hotpath.grader.cli;

import dev.hotpath.grader.Graded;
import dev.hotpath.grader.Grader;
import dev.hotpath.grader.ProgressListener;
import dev.hotpath.grader.ValidationReport;
import dev.hotpath.grader.Validator;
import dev.hotpath.grader.authoring.ExerciseCheck;
import dev.hotpath.grader.authoring.Problem;
import dev.hotpath.grader.authoring.Scaffold;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.pipeline.Sandbox;
import dev.hotpath.grader.profile.FlameSvg;
import dev.hotpath.grader.profile.ProfileComparison;
import dev.hotpath.grader.profile.ProfileException;
import dev.hotpath.grader.profile.ProfileHtml;
import dev.hotpath.grader.profile.ProfileView;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.ReportJson;
import dev.hotpath.grader.submission.InvalidSubmissionException;
import dev.hotpath.grader.submission.Submission;
import dev.hotpath.grader.yaml.YamlException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code java -jar grader.jar grade|profile|validate|new …}; exit code 0 = PASS, 1 = FAIL, 2 = ERROR, 64 = bad usage. */
@Command(name = "grader", mixinStandardHelpOptions = true,
        description = "Grades Hotpath exercises: correctness against visible and hidden tests, then performance"
                + " against the exercise's starter.",
        subcommands = {Main.Grade.class, Main.Profile.class, Main.Validate.class, Main.New.class})
public final class Main {

    static final int PASS = 0;
    static final int FAIL = 1;
    static final int ERROR = 2;
    static final int INCONCLUSIVE = 3;
    static final int USAGE = 64;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((exception, command, parsed) -> {
                    command.getErr().println("grader: " + exception.getMessage());
                    return ERROR;
                })
                .setParameterExceptionHandler((exception, arguments) -> {
                    CommandLine command = exception.getCommandLine();
                    command.getErr().println("grader: " + exception.getMessage());
                    command.usage(command.getErr());
                    return USAGE;
                })
                .execute(args);
    }

    @Command(name = "grade", mixinStandardHelpOptions = true,
            description = "Grade a submission (by default, the exercise's working copy) and print the verdict.")
    static final class Grade implements Callable<Integer> {

        @Mixin
        Target target;

        @Option(names = "--seed", paramLabel = "N",
                description = "the workload seed to measure with (a report gives it), to re-measure a verdict the same way;"
                        + " default: a fresh one per grading")
        @Nullable Long seed;

        @Option(names = "--json", description = "print the report as JSON on standard output (progress still goes to standard error)")
        boolean json;

        @Option(names = "--profile", paramLabel = "DIR",
                description = "after grading, profile your code and the starter and write DIR/<exercise>-profile.html"
                        + " (flame graphs; the verdict is unaffected)")
        @Nullable Path profileDir;

        @Override
        public Integer call() {
            if (!target.resolve()) {
                return USAGE;
            }
            Exercise loaded = target.exercise;
            Submission files = target.files;
            ProgressListener progress = TerminalReport.progress(System.err);
            System.err.println("Grading " + loaded.id() + " (" + target.describe() + ")");
            GradeReport report;
            try (Grader grader = grader(target.mode)) {
                grader.unsandboxedReason().ifPresent(TerminalReport.notSandboxed(System.err));
                if (profileDir == null) {
                    report = seed == null ? grader.grade(loaded, files, progress)
                            : grader.grade(loaded, files, progress, seed);
                } else {
                    Graded graded = grader.gradeAndProfile(loaded, files, progress);
                    report = graded.report();
                    if (graded.profile().isPresent()) {
                        writeProfile(graded.profile().get(), profileDir, loaded);
                    } else {
                        System.err.println("grader: no profile: " + (graded.profileProblem().isEmpty()
                                ? "profiles are recorded only for code that reaches the performance stage"
                                : graded.profileProblem()));
                    }
                }
            }
            if (json) {
                System.out.println(ReportJson.write(report));
            } else {
                TerminalReport.print(report, System.out);
            }
            return switch (report.verdict()) {
                case PASS -> PASS;
                case FAIL -> FAIL;
                case ERROR -> ERROR;
                case INCONCLUSIVE -> INCONCLUSIVE;
            };
        }
    }

    @Command(name = "profile", mixinStandardHelpOptions = true,
            description = "Run the exercise's benchmark once under JDK Flight Recorder, for your code and the starter,"
                    + " and write their flame graphs (CPU, allocation, waiting) to an HTML file. No grading.")
    static final class Profile implements Callable<Integer> {

        @Mixin
        Target target;

        @Option(names = "--output", paramLabel = "DIR",
                description = "where to write <exercise>-profile.html (default: the exercise's target/profile)")
        @Nullable Path output;

        @Override
        public Integer call() {
            if (!target.resolve()) {
                return USAGE;
            }
            Exercise loaded = target.exercise;
            System.err.println("Profiling " + loaded.id() + " (" + target.describe() + ") and its starter");
            try (Grader grader = grader(target.mode)) {
                grader.unsandboxedReason().ifPresent(TerminalReport.notSandboxed(System.err));
                ProfileComparison profile = grader.profile(loaded, target.files, TerminalReport.progress(System.err));
                Path dir = output == null ? loaded.dir().resolve("target").resolve("profile") : output;
                writeProfile(profile, dir, loaded);
                writePictures(profile, dir, loaded);
                TerminalReport.print(profile, System.out);
                return PASS;
            } catch (ProfileException e) {
                System.err.println("grader: cannot profile " + loaded.id() + ": " + e.getMessage());
                return FAIL;
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check an exercise: its wiring first (as --check), then the starter passes every test and"
                    + " misses every threshold, the reference solution passes, every trap is caught.")
    static final class Validate implements Callable<Integer> {

        @Option(names = "--exercise", required = true, paramLabel = "DIR", description = "the exercise directory")
        Path exercise;

        @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "if-available",
                description = "required, if-available (default) or off: whether graded code must run in the OS sandbox")
        String sandbox;

        @Option(names = "--check", description = "check only the wiring, in seconds, without grading: manifest, module"
                + " line, lesson entry, starter and solution copies, build freshness, counter and benchmark classes,"
                + " traps' find texts, the tests traps and hints name")
        boolean check;

        @Override
        public Integer call() {
            if (check) {
                long start = System.nanoTime();
                List<Problem> problems = ExerciseCheck.run(exercise);
                problems.forEach(System.out::println);
                System.out.printf(Locale.ROOT, "%s: wiring of %s checked in %.1f s%s%n",
                        problems.isEmpty() ? "VALID" : "INVALID (" + problems.size() + " problem"
                                + (problems.size() == 1 ? "" : "s") + ")", exercise,
                        (System.nanoTime() - start) / 1e9, problems.isEmpty()
                                ? "; next: validate without --check grades the starter, the solution and every trap" : "");
                return problems.isEmpty() ? PASS : FAIL;
            }
            Exercise loaded = load(exercise);
            Sandbox.Mode mode = sandboxMode(sandbox);
            if (loaded == null || mode == null) {
                return USAGE;
            }
            ValidationReport report;
            try (Grader grader = grader(mode)) {
                grader.unsandboxedReason().ifPresent(TerminalReport.notSandboxed(System.err));
                report = new Validator(grader).validate(loaded, subject -> {
                    System.err.println("Validating " + loaded.id() + ": grading " + subject);
                    return TerminalReport.progress(System.err);
                });
            }
            TerminalReport.print(report, System.out);
            return report.passed() ? PASS : FAIL;
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Write a new, minimal exercise that passes validate --check once built: manifest, README,"
                    + " starter, solution stub, visible and hidden tests, counter, benchmark, a trap, its <module> line"
                    + " and its entry in the lesson. Replace the TODOs with the exercise's own content.")
    static final class New implements Callable<Integer> {

        @CommandLine.Parameters(paramLabel = "ID", description = "the exercise id: lower-case words joined by dashes")
        String id;

        @Option(names = "--lesson", required = true, paramLabel = "LESSON",
                description = "the id of the lesson it belongs to (the id: in the lesson's front matter)")
        String lesson;

        @Option(names = "--class", required = true, paramLabel = "FQCN",
                description = "the class the learner edits, fully qualified, e.g. dev.hotpath.concat.ReportBuilder")
        String className;

        @Option(names = "--repository", paramLabel = "DIR", defaultValue = ".",
                description = "the repository root, holding exercises/ and lessons/ (default: the working directory)")
        Path repository;

        @Override
        public Integer call() throws IOException {
            Scaffold.Written written;
            try {
                written = Scaffold.create(repository, id, lesson, className);
            } catch (Scaffold.RefusedException e) {
                System.err.println("grader new: " + e.getMessage());
                return USAGE;
            }
            System.out.println("Wrote exercise " + id + " (" + written.files().size() + " files):");
            written.files().forEach(file -> System.out.println("  " + file));
            System.out.println("Added it to " + String.join(" and ", written.edited()) + ".");
            String dir = "exercises/" + id;
            System.out.println("Next: replace the TODOs (docs/authoring-exercises.md), then");
            System.out.println("  mvn -q package -DskipTests -pl " + dir);
            System.out.println("  java -jar grader/target/grader.jar validate --check --exercise " + dir);
            System.out.println("  java -jar grader/target/grader.jar validate --exercise " + dir);
            return PASS;
        }
    }

    /** What {@code grade} and {@code profile} work on: an exercise, a submission of it, and the sandbox mode. */
    @SuppressWarnings("NullAway.Init") // resolve() sets exercise, files and mode before anything reads them
    static final class Target {

        @Option(names = "--exercise", required = true, paramLabel = "DIR", description = "the exercise directory")
        Path exerciseDir;

        @Option(names = "--submission", paramLabel = "DIR",
                description = "a directory holding the editable files at their relative paths (default: the exercise itself)")
        @Nullable Path submissionDir;

        @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "if-available",
                description = "required, if-available (default) or off: whether graded code must run in the OS sandbox")
        String sandbox;

        Exercise exercise;
        Submission files;
        Sandbox.Mode mode;

        /** Loads the exercise and the submission; false, after saying why, when either is unusable. */
        boolean resolve() {
            Exercise loaded = load(exerciseDir);
            Sandbox.Mode chosen = sandboxMode(sandbox);
            if (loaded == null || chosen == null) {
                return false;
            }
            exercise = loaded;
            mode = chosen;
            try {
                files = Submission.fromDirectory(exercise, submissionDir == null ? exercise.dir() : submissionDir);
                return true;
            } catch (InvalidSubmissionException e) {
                System.err.println("grader: " + e.getMessage());
                return false;
            }
        }

        String describe() {
            return submissionDir == null ? "your working copy" : submissionDir.toString();
        }
    }

    /** Writes the self-contained flame graph page; a failure to write is an error of the command. */
    private static void writeProfile(ProfileComparison profile, Path dir, Exercise exercise) {
        Path file = dir.resolve(exercise.id() + "-profile.html");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, ProfileHtml.page(profile, "Profiles: " + exercise.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the profile to " + file + ": " + e.getMessage(), e);
        }
        System.err.println("Flame graphs (yours beside the starter's): " + file.toAbsolutePath());
    }

    /** One SVG per side and view, e.g. cache-key-explosion-starter-cpu.svg: pictures to keep or attach. */
    private static void writePictures(ProfileComparison profile, Path dir, Exercise exercise) {
        Set<String> yours = Set.copyOf(profile.yourClasses());
        for (ProfileView view : ProfileView.values()) {
            for (boolean starter : new boolean[] {true, false}) {
                String side = starter ? "starter" : "yours";
                Path file = dir.resolve(exercise.id() + "-" + side + "-" + view.id() + ".svg");
                String title = exercise.id() + ", " + (starter ? "the starter" : "your code") + ": " + view.label()
                        + " (" + view.unit() + ")";
                try {
                    Files.writeString(file, FlameSvg.svg((starter ? profile.starter() : profile.submission()).graph(view),
                            title, yours));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
                }
            }
        }
        System.err.println("Each graph as a picture: " + dir.toAbsolutePath().resolve(exercise.id() + "-*.svg"));
    }

    private static Sandbox.@Nullable Mode sandboxMode(String text) {
        return switch (text) {
            case "required" -> Sandbox.Mode.REQUIRED;
            case "if-available" -> Sandbox.Mode.IF_AVAILABLE;
            case "off" -> Sandbox.Mode.OFF;
            default -> {
                System.err.println("grader: --sandbox must be required, if-available or off, not \"" + text + "\"");
                yield null;
            }
        };
    }

    private static Grader grader(Sandbox.Mode mode) {
        return new Grader(Path.of(System.getProperty("java.io.tmpdir")), mode);
    }

    private static @Nullable Exercise load(Path dir) {
        try {
            return Exercise.load(dir);
        } catch (YamlException e) {
            System.err.println("grader: " + e.getMessage());
            return null;
        }
    }
}
