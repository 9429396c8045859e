package dev.hotpath.grader.pipeline;

import dev.hotpath.grader.child.ChildEvent;
import dev.hotpath.grader.report.TestResult;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The parent's record of a test run, built only from raw events and checked against the tests the
 * parent expects. It decides every test's status; the child only reports what it saw.
 */
final class TestRunRecorder implements ChannelHandler {

    private record Finish(ChildEvent.TestStatus status, String message, long nanos) {
    }

    /**
     * Why a test run ended before its end.
     *
     * @param reason        completes "the test run was stopped because …"
     * @param overTimeLimit whether a test ran past its time limit ({@link #overdue})
     */
    record EarlyEnd(String reason, boolean overTimeLimit) {
    }

    private final Map<String, ExpectedTest> expected = new LinkedHashMap<>();
    private final Set<String> knownContainers;
    private final long testLimitNanos;
    private final int testSeconds;
    private final IntConsumer finishedCount;

    private final Set<String> dynamic = new HashSet<>();
    private final Map<String, Long> started = new HashMap<>();
    private final Map<String, Finish> finished = new HashMap<>();
    private final Map<String, String> skipped = new HashMap<>();
    private final Map<String, String> failedContainers = new LinkedHashMap<>();
    private @Nullable String running;
    private long lastEvent = System.nanoTime();
    private boolean anyEvent;
    private boolean done;
    private Optional<String> crash = Optional.empty();

    /**
     * @param knownContainers ids of the engine and class containers the child may also report
     * @param finishedCount   told how many expected tests have finished, for progress
     */
    TestRunRecorder(List<ExpectedTest> expectedTests, Set<String> knownContainers, int testSeconds,
                    IntConsumer finishedCount) {
        expectedTests.forEach(test -> expected.put(test.id(), test));
        this.knownContainers = knownContainers;
        this.testSeconds = testSeconds;
        this.testLimitNanos = testSeconds * 1_000_000_000L;
        this.finishedCount = finishedCount;
    }

    @Override
    public synchronized void onEvent(ChildEvent event) throws ChannelViolation {
        if (done) {
            throw new ChannelViolation("it reported events after the run had finished");
        }
        long now = System.nanoTime();
        lastEvent = now;
        anyEvent = true;
        if (event instanceof ChildEvent.Registered registered) {
            String id = registered.id();
            if (!belongsToExpected(registered.parent()) || !id.startsWith(registered.parent() + "/")) {
                throw new ChannelViolation("it registered a test that does not belong to the exercise: " + id);
            }
            dynamic.add(id);
        } else if (event instanceof ChildEvent.TestStarted start) {
            String id = start.id();
            check(id);
            if (started.putIfAbsent(id, now) != null) {
                throw new ChannelViolation("it reported test " + id + " as started twice");
            }
            if (!knownContainers.contains(id)) {
                running = id;
            }
        } else if (event instanceof ChildEvent.TestFinished finish) {
            String id = finish.id();
            check(id);
            Long startedAt = started.get(id);
            if (startedAt == null || finished.containsKey(id)) {
                throw new ChannelViolation("it reported test " + id + " as finished without starting it, or twice");
            }
            finished.put(id, new Finish(finish.status(), finish.message(), now - startedAt));
            if (knownContainers.contains(id) && finish.status() != ChildEvent.TestStatus.SUCCESSFUL) {
                failedContainers.put(id, finish.message());
            }
            if (id.equals(running)) {
                running = null;
            }
            if (expected.containsKey(id)) {
                finishedCount.accept((int) expected.keySet().stream().filter(finished::containsKey).count());
            }
        } else if (event instanceof ChildEvent.TestSkipped skip) {
            check(skip.id());
            skipped.put(skip.id(), skip.reason());
        } else if (event instanceof ChildEvent.Done) {
            done = true;
        } else if (event instanceof ChildEvent.Crashed crashed) {
            crash = Optional.of(crashed.message());
        } else {
            throw new ChannelViolation("it sent an event a test run does not send: " + event.getClass().getSimpleName());
        }
    }

    /**
     * The per-test limit, counted from the last event: it covers a test method and also what JUnit runs
     * before a test starts (a test class's constructor, static initializers). JVM start-up gets 10 s more.
     */
    @Override
    public synchronized Optional<String> overdue(long nowNanos) {
        long limit = anyEvent ? testLimitNanos : testLimitNanos + 10_000_000_000L;
        if (!done && nowNanos - lastEvent > limit) {
            return Optional.of("a test ran longer than its limit of " + testSeconds + " s");
        }
        return Optional.empty();
    }

    synchronized boolean completed() {
        return done;
    }

    /** The crash message if the runner itself failed. */
    synchronized Optional<String> crash() {
        return crash;
    }

    /**
     * Every expected test's result.
     *
     * @param earlyEnd why the run ended early (for tests that never finished), if it did
     */
    synchronized List<TestResult> results(Optional<EarlyEnd> earlyEnd) {
        List<TestResult> results = new ArrayList<>();
        for (ExpectedTest test : expected.values()) {
            results.add(result(test, earlyEnd));
        }
        return results;
    }

    private TestResult result(ExpectedTest test, Optional<EarlyEnd> earlyEnd) {
        Finish finish = finished.get(test.id());
        if (skipped.containsKey(test.id())) {
            return result(test, TestResult.Status.SKIPPED, "skipped: " + skipped.get(test.id()), 0);
        }
        boolean timedOut = earlyEnd.filter(EarlyEnd::overTimeLimit).isPresent();
        String because = earlyEnd.map(end -> " because " + end.reason()).orElse("");
        if (finish == null) {
            if (started.containsKey(test.id()) || (running != null && running.startsWith(test.id() + "/"))) {
                return result(test, timedOut ? TestResult.Status.TIMED_OUT : TestResult.Status.FAILED,
                        (timedOut ? "did not finish within " + testSeconds + " s" : "did not finish")
                                + (because.isEmpty() ? "" : ": the test run was stopped" + because), 0);
            }
            boolean classStarted = started.keySet().stream().anyMatch(container -> knownContainers.contains(container)
                    && test.id().startsWith(container + "/") && !finished.containsKey(container));
            if (timedOut && classStarted && running == null) {
                return result(test, TestResult.Status.TIMED_OUT, "did not start: setting up its test class took longer"
                        + " than the limit of " + testSeconds + " s (a constructor or static initializer that never"
                        + " returns?)", 0);
            }
            String containerFailure = failedContainers.entrySet().stream()
                    .filter(container -> test.id().startsWith(container.getKey() + "/"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (containerFailure != null) {
                return result(test, TestResult.Status.FAILED,
                        "the test class failed before this test could run: " + containerFailure, 0);
            }
            return result(test, TestResult.Status.NOT_RUN, "never ran: the test run ended early" + because, 0);
        }
        long millis = finish.nanos() / 1_000_000;
        if (finish.status() != ChildEvent.TestStatus.SUCCESSFUL) {
            return result(test, TestResult.Status.FAILED, finish.message(), millis);
        }
        // A parameterized test passes only if every invocation did.
        for (String child : dynamic) {
            Finish invocation = finished.get(child);
            if (child.startsWith(test.id() + "/") && (invocation == null || invocation.status() != ChildEvent.TestStatus.SUCCESSFUL)) {
                return result(test, TestResult.Status.FAILED,
                        invocation == null ? "an invocation did not finish" : invocation.message(), millis);
            }
        }
        return result(test, TestResult.Status.PASSED, "", millis);
    }

    private static TestResult result(ExpectedTest test, TestResult.Status status, String message, long millis) {
        return new TestResult(test.id(), test.className(), test.method(), test.name(), test.hidden(), status,
                message, millis);
    }

    private void check(String id) throws ChannelViolation {
        if (!knownContainers.contains(id) && !expected.containsKey(id) && !dynamic.contains(id)) {
            throw new ChannelViolation("it reported a test that does not belong to the exercise: " + id);
        }
    }

    private boolean belongsToExpected(String id) {
        if (expected.containsKey(id) || dynamic.contains(id)) {
            return true;
        }
        return expected.values().stream().anyMatch(test -> test.template() && id.startsWith(test.id() + "/"));
    }
}
