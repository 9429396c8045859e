package dev.hotpath.grader.cli;

import dev.hotpath.grader.Grader;
import dev.hotpath.grader.ProgressListener;
import dev.hotpath.grader.ValidationReport;
import dev.hotpath.grader.Validator;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.pipeline.Sandbox;
import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.ReportJson;
import dev.hotpath.grader.submission.InvalidSubmissionException;
import dev.hotpath.grader.submission.Submission;
import dev.hotpath.grader.yaml.YamlException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code java -jar grader.jar grade|validate …}; exit code 0 = PASS, 1 = FAIL, 2 = ERROR, 64 = bad usage. */
@Command(name = "grader", mixinStandardHelpOptions = true,
        description = "Grades Hotpath exercises: correctness against visible and hidden tests, then performance"
                + " against the exercise's starter.",
        subcommands = {Main.Grade.class, Main.Validate.class})
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

        @Option(names = "--exercise", required = true, paramLabel = "DIR", description = "the exercise directory")
        Path exercise;

        @Option(names = "--submission", paramLabel = "DIR",
                description = "a directory holding the editable files at their relative paths (default: the exercise itself)")
        Path submission;

        @Option(names = "--seed", paramLabel = "N",
                description = "the workload seed to measure with (a report gives it), to re-measure a verdict the same way;"
                        + " default: a fresh one per grading")
        Long seed;

        @Option(names = "--json", description = "print the report as JSON on standard output (progress still goes to standard error)")
        boolean json;

        @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "if-available",
                description = "required, if-available (default) or off: whether graded code must run in the OS sandbox")
        String sandbox;

        @Override
        public Integer call() {
            Exercise loaded = load(exercise);
            Sandbox.Mode mode = sandboxMode(sandbox);
            if (loaded == null || mode == null) {
                return USAGE;
            }
            Submission files;
            try {
                files = Submission.fromDirectory(loaded, submission == null ? loaded.dir() : submission);
            } catch (InvalidSubmissionException e) {
                System.err.println("grader: " + e.getMessage());
                return USAGE;
            }
            ProgressListener progress = TerminalReport.progress(System.err);
            System.err.println("Grading " + loaded.id() + " (" + (submission == null ? "your working copy" : submission) + ")");
            GradeReport report;
            try (Grader grader = grader(mode)) {
                grader.unsandboxedReason().ifPresent(TerminalReport.notSandboxed(System.err));
                report = seed == null ? grader.grade(loaded, files, progress)
                        : grader.grade(loaded, files, progress, seed);
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

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check an exercise: the starter passes every test and misses every threshold, the reference"
                    + " solution passes, every trap is caught.")
    static final class Validate implements Callable<Integer> {

        @Option(names = "--exercise", required = true, paramLabel = "DIR", description = "the exercise directory")
        Path exercise;

        @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "if-available",
                description = "required, if-available (default) or off: whether graded code must run in the OS sandbox")
        String sandbox;

        @Override
        public Integer call() {
            Exercise loaded = load(exercise);
            Sandbox.Mode mode = sandboxMode(sandbox);
            if (loaded == null || mode == null) {
                return USAGE;
            }
            ValidationReport report;
            try (Grader grader = grader(mode)) {
                grader.unsandboxedReason().ifPresent(TerminalReport.notSandboxed(System.err));
                report = new Validator(grader).validate(loaded, TerminalReport.progress(System.err));
            }
            TerminalReport.print(report, System.out);
            return report.passed() ? PASS : FAIL;
        }
    }

    private static Sandbox.Mode sandboxMode(String text) {
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

    private static Exercise load(Path dir) {
        try {
            return Exercise.load(dir);
        } catch (YamlException e) {
            System.err.println("grader: " + e.getMessage());
            return null;
        }
    }
}
