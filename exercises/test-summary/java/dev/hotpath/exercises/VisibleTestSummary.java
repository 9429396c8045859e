package dev.hotpath.exercises;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The one line a learner sees after {@code mvn -q test -pl exercises/<id>}, where Maven's quiet mode
 * hides surefire's own summary: how many visible tests passed, and the next command. JUnit loads it
 * from the class path (ServiceLoader) in surefire's test JVM only; exercises/pom.xml compiles it
 * outside the test classes, so the grader, which copies those, never sees it.
 */
public final class VisibleTestSummary implements TestExecutionListener {

    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        // A skipped class skips every test in it.
        skipped.addAndGet(identifier.isTest() ? 1 : plan.getDescendants(identifier).stream().filter(TestIdentifier::isTest).count());
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest()) {
            (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? passed : failed).incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        System.out.println(line(passed.get(), failed.get(), skipped.get(), System.getProperty("hotpath.exercise", "<id>")));
    }

    static String line(long passed, long failed, long skipped, String exercise) {
        String skips = skipped == 0 ? "" : ", " + skipped + " skipped";
        if (failed > 0) {
            // surefire prints each failure with its message around this line
            return "hotpath: " + failed + " of " + (passed + failed) + " visible tests failed" + skips
                    + " — fix them and run them again; then grade: mvn -q verify -Pgrade -Dexercise=" + exercise;
        }
        return "hotpath: " + passed + " visible " + (passed == 1 ? "test" : "tests") + " passed" + skips
                + " — next: mvn -q verify -Pgrade -Dexercise=" + exercise;
    }
}
