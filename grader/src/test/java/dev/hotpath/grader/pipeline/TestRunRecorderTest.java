package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;
import dev.hotpath.grader.child.ChildEvent.TestStatus;
import dev.hotpath.grader.report.TestResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Crafted test-run event streams, as an honest, a dying or a compromised test JVM would send them. The
 * recorder decides every status from the tests the parent expects, never from what the child claims.
 */
class TestRunRecorderTest {

    static final String ENGINE = "[engine:junit-jupiter]";
    static final String CLASS = ENGINE + "/[class:demo.DemoTest]";
    static final String FAST = CLASS + "/[method:fast()]";
    static final String SLOW = CLASS + "/[method:slow()]";
    static final String CASES = CLASS + "/[test-template:cases(int)]";

    private final List<Integer> finishedCounts = new ArrayList<>();
    private final TestRunRecorder recorder = new TestRunRecorder(List.of(
            new ExpectedTest(FAST, "demo.DemoTest", "fast", "Demo › fast", false, false),
            new ExpectedTest(SLOW, "demo.DemoTest", "slow", "Demo › slow", true, false),
            new ExpectedTest(CASES, "demo.DemoTest", "cases", "Demo › cases", true, true)),
            Set.of(ENGINE, CLASS), 5, finishedCounts::add);

    @Test
    void anHonestRunPassesEveryTestAndCountsProgress() throws Exception {
        feed(started(ENGINE), started(CLASS));
        feed(started(FAST), finished(FAST, TestStatus.SUCCESSFUL, ""));
        feed(started(SLOW), finished(SLOW, TestStatus.SUCCESSFUL, ""));
        feed(started(CASES), registered(CASES + "/[test-template-invocation:#1]", CASES),
                started(CASES + "/[test-template-invocation:#1]"),
                finished(CASES + "/[test-template-invocation:#1]", TestStatus.SUCCESSFUL, ""),
                finished(CASES, TestStatus.SUCCESSFUL, ""));
        feed(finished(CLASS, TestStatus.SUCCESSFUL, ""), finished(ENGINE, TestStatus.SUCCESSFUL, ""), new ChildEvent.Done());

        assertThat(recorder.completed()).isTrue();
        assertThat(statuses(Optional.empty())).containsExactly(TestResult.Status.PASSED, TestResult.Status.PASSED,
                TestResult.Status.PASSED);
        assertThat(finishedCounts).containsExactly(1, 2, 3);
    }

    @Test
    void aFailedInvocationFailsItsParameterizedTestThoughTheTemplateSaysSuccessful() throws Exception {
        String second = CASES + "/[test-template-invocation:#2]";
        feed(started(CLASS), started(CASES), registered(second, CASES), started(second),
                finished(second, TestStatus.FAILED, "expected 3 but was 4"), finished(CASES, TestStatus.SUCCESSFUL, ""));

        assertThat(recorder.results(Optional.empty()).get(2))
                .extracting(TestResult::status, TestResult::message).containsExactly(TestResult.Status.FAILED,
                        "expected 3 but was 4");
    }

    @Test
    void aChildThatDiesMidRunFailsTheRunningTestAndNeverRunsTheRest() throws Exception {
        feed(started(CLASS), started(FAST), finished(FAST, TestStatus.SUCCESSFUL, ""), started(SLOW));

        List<TestResult> results = recorder.results(Optional.of(new TestRunRecorder.EarlyEnd(
                "the test JVM exited (exit code 137) before the run finished", false)));

        assertThat(recorder.completed()).isFalse();
        assertThat(results).extracting(TestResult::status).containsExactly(TestResult.Status.PASSED,
                TestResult.Status.FAILED, TestResult.Status.NOT_RUN);
        assertThat(results.get(1).message()).isEqualTo("did not finish: the test run was stopped because the test JVM"
                + " exited (exit code 137) before the run finished");
        assertThat(results.get(2).message()).isEqualTo("never ran: the test run ended early because the test JVM"
                + " exited (exit code 137) before the run finished");
    }

    @Test
    void onlyTheTimeLimitMakesARunningTestTimedOut() throws Exception {
        feed(started(CLASS), started(SLOW));

        assertThat(recorder.results(Optional.of(new TestRunRecorder.EarlyEnd("a test ran longer than its limit of 5 s",
                true))).get(1).status()).isEqualTo(TestResult.Status.TIMED_OUT);
        // The same words for another reason do not make a time-out: the cause is typed, not read from the text.
        assertThat(recorder.results(Optional.of(new TestRunRecorder.EarlyEnd("a test ran longer than its limit of 5 s",
                false))).get(1).status()).isEqualTo(TestResult.Status.FAILED);
    }

    @Test
    void aClassThatNeverFinishesSettingUpTimesOutItsTests() throws Exception {
        feed(started(ENGINE), started(CLASS));

        assertThat(statuses(Optional.of(new TestRunRecorder.EarlyEnd("a test ran longer than its limit of 5 s", true))))
                .containsOnly(TestResult.Status.TIMED_OUT);
    }

    @Test
    void aFailedClassFailsTheTestsItNeverRan() throws Exception {
        feed(started(CLASS), finished(CLASS, TestStatus.FAILED, "static initializer threw"), new ChildEvent.Done());

        assertThat(recorder.results(Optional.empty())).extracting(TestResult::status, TestResult::message).containsOnly(
                org.assertj.core.groups.Tuple.tuple(TestResult.Status.FAILED,
                        "the test class failed before this test could run: static initializer threw"));
    }

    @Test
    void aRunThatSaysDoneWithoutRunningATestPassesNothing() throws Exception {
        feed(new ChildEvent.Done());

        assertThat(statuses(Optional.empty())).containsOnly(TestResult.Status.NOT_RUN);
    }

    @Test
    void skippedTestsAreSkippedNotPassed() throws Exception {
        feed(started(CLASS), new ChildEvent.TestSkipped(FAST, "disabled"), new ChildEvent.Done());

        assertThat(recorder.results(Optional.empty()).get(0)).extracting(TestResult::status, TestResult::message)
                .containsExactly(TestResult.Status.SKIPPED, "skipped: disabled");
    }

    @Test
    void eventsOutOfOrderOrAboutOtherTestsStopTheChild() throws Exception {
        assertViolation(finished(FAST, TestStatus.SUCCESSFUL, ""), "as finished without starting it, or twice");
        feed(started(FAST));
        assertViolation(started(FAST), "as started twice");
        feed(finished(FAST, TestStatus.SUCCESSFUL, ""));
        assertViolation(finished(FAST, TestStatus.SUCCESSFUL, ""), "as finished without starting it, or twice");
        assertViolation(started(CLASS + "/[method:forged()]"), "does not belong to the exercise");
        assertViolation(new ChildEvent.TestSkipped(ENGINE + "/[class:demo.Other]", ""), "does not belong to the exercise");
        // Invocations only under an expected test, and with an id under it.
        assertViolation(registered(CASES + "/[test-template-invocation:#1]", CLASS + "/[method:forged()]"),
                "does not belong to the exercise");
        assertViolation(registered(ENGINE + "/[class:demo.Other]/[method:x()]", CASES), "does not belong to the exercise");
        assertViolation(new ChildEvent.Counted("calls", 3), "an event a test run does not send");
        feed(new ChildEvent.Done());
        assertViolation(started(SLOW), "after the run had finished");
        assertThat(recorder.results(Optional.empty()).get(1).status()).isEqualTo(TestResult.Status.NOT_RUN);
    }

    @Test
    void aCrashIsRecordedForTheStageToReport() throws Exception {
        feed(new ChildEvent.Crashed("java.lang.NoClassDefFoundError: org/junit/X"));

        assertThat(recorder.crash()).hasValue("java.lang.NoClassDefFoundError: org/junit/X");
        assertThat(recorder.completed()).isFalse();
    }

    @Test
    void theLimitCountsFromTheLastEventWithMoreTimeForStartUp() throws Exception {
        long now = System.nanoTime();
        assertThat(recorder.overdue(now + 14_000_000_000L)).isEmpty();
        assertThat(recorder.overdue(now + 16_000_000_000L)).hasValue("a test ran longer than its limit of 5 s");

        feed(started(CLASS));
        long last = System.nanoTime();
        assertThat(recorder.overdue(last + 4_000_000_000L)).isEmpty();
        assertThat(recorder.overdue(last + 6_000_000_000L)).isPresent();
        feed(new ChildEvent.Done());
        assertThat(recorder.overdue(last + 60_000_000_000L)).isEmpty();
    }

    private void feed(ChildEvent... events) throws ChannelHandler.ChannelViolation {
        for (ChildEvent event : events) {
            recorder.onEvent(event);
        }
    }

    private List<TestResult.Status> statuses(Optional<TestRunRecorder.EarlyEnd> earlyEnd) {
        return recorder.results(earlyEnd).stream().map(TestResult::status).toList();
    }

    private void assertViolation(ChildEvent event, String message) {
        assertThatThrownBy(() -> recorder.onEvent(event)).isInstanceOf(ChannelHandler.ChannelViolation.class)
                .hasMessageContaining(message);
    }

    static ChildEvent started(String id) {
        return new ChildEvent.TestStarted(id);
    }

    static ChildEvent finished(String id, TestStatus status, String message) {
        return new ChildEvent.TestFinished(id, status, message);
    }

    static ChildEvent registered(String id, String parent) {
        return new ChildEvent.Registered(id, parent, id.substring(id.lastIndexOf('/') + 1));
    }
}
