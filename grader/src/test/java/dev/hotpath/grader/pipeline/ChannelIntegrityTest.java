package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;
import dev.hotpath.grader.report.TestResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parent never trusts the result channel: a child that knows the token and writes forged,
 * malformed or oversized payloads is stopped, which fails its stage.
 */
class ChannelIntegrityTest {

    private static final String TEST = "[engine:junit-jupiter]/[class:demo.DemoTest]/[method:passes()]";
    private static final String CLASS = "[engine:junit-jupiter]/[class:demo.DemoTest]";

    private static ChildJvm children;

    @BeforeAll
    static void copyRuntime(@TempDir Path dir) throws Exception {
        // JUnit makes temporary directories private; the sandboxed child's user must pass through.
        java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        children = new ChildJvm(Sandbox.detect(new StringBuilder()).orElse(null), ChildClasspath.copyTo(dir.resolve("runtime")));
    }

    @AfterAll
    static void forget() {
        children = null;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            long-line      | it sent a malformed result line (too long)
            not-base64     | it sent a malformed result line
            java-object    | it sent a malformed result line
            unknown-event  | it sent an event of an unknown kind
            truncated      | it sent a malformed result (EOFException)
            wrong-kind     | it sent an event a test run does not send: Counted
            unknown-test   | it reported a test that does not belong to the exercise: [engine:junit-jupiter]/[class:demo.Fake]/[method:f()]
            finished-twice | it reported test [engine:junit-jupiter]/[class:demo.DemoTest]/[method:passes()] as finished without starting it, or twice
            after-done     | it reported events after the run had finished
            flood          | it sent more than 16777216 bytes of results
            """)
    void forgedPayloadsStopTheChild(String attack, String reason, @TempDir Path work) throws Exception {
        TestRunRecorder recorder = new TestRunRecorder(
                List.of(new ExpectedTest(TEST, "demo.DemoTest", "passes", "Demo › passes", false, false)),
                Set.of("[engine:junit-jupiter]", CLASS), 5, done -> { });

        ChildJvm.Outcome outcome = children.run(spec(attack, work), recorder, Duration.ofSeconds(30));

        // A stopped child fails its test stage whatever it reported before (TestStage.earlyEnd).
        assertThat(outcome.stopReason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource("no-token")
    void linesWithoutTheTokenAreOnlyOutput(String attack, @TempDir Path work) throws Exception {
        TestRunRecorder recorder = new TestRunRecorder(
                List.of(new ExpectedTest(TEST, "demo.DemoTest", "passes", "Demo › passes", false, false)),
                Set.of("[engine:junit-jupiter]", CLASS), 5, done -> { });

        ChildJvm.Outcome outcome = children.run(spec(attack, work), recorder, Duration.ofSeconds(30));

        assertThat(outcome.stopped()).isFalse();
        assertThat(recorder.completed()).isFalse();
        assertThat(outcome.output()).contains(Base64.getEncoder().encodeToString(ChildEvent.encode(new ChildEvent.Done())));
        assertThat(recorder.results(Optional.empty())).singleElement()
                .satisfies(test -> assertThat(test.status()).isEqualTo(TestResult.Status.NOT_RUN));
    }

    private static ChildJvm.Spec spec(String attack, Path work) throws Exception {
        Path testClasses = Path.of(CompromisedChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new ChildJvm.Spec(List.of(testClasses), JvmOptions.forTests(), 64, CompromisedChild.class.getName(),
                List.of(attack), work);
    }
}
