package dev.hotpath.grader.child;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs inside the test JVM: executes the JUnit tests found in the class directories named on the
 * command line and streams what happens, test by test. It decides nothing; the parent does.
 */
public final class TestMain {

    private TestMain() {
    }

    public static void main(String[] args) {
        ChildChannel channel;
        try {
            channel = ChildChannel.open();
        } catch (Exception e) {
            System.err.println("hotpath test runner: " + e.getMessage());
            Runtime.getRuntime().halt(3);
            return;
        }
        try {
            // Booting JUnit overlaps the parent's compiling; nothing of the exercise's loads before go.
            Launcher launcher = launcher();
            channel.awaitGo();
            Set<Path> roots = Arrays.stream(args).map(Path::of).collect(Collectors.toSet());
            launcher.execute(request(roots), new Listener(channel));
            channel.send(new ChildEvent.Done());
        } catch (Throwable t) {
            channel.send(new ChildEvent.Crashed(Failures.describe(t)));
        } finally {
            ChildChannel.halt();
        }
    }

    /** The discovery request; the parent uses the same one to know which tests to expect. */
    public static LauncherDiscoveryRequest request(Set<Path> testClassRoots) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathRoots(testClassRoots))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .configurationParameter("junit.platform.output.capture.stdout", "false")
                // The same order on every machine, so every learner sees the same first failure.
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$ClassName")
                .configurationParameter("junit.jupiter.testmethod.order.default",
                        "org.junit.jupiter.api.MethodOrderer$MethodName")
                .build();
    }

    /** A launcher that loads no listeners or filters from the class path, only test engines. */
    public static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(true)
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .build());
    }

    private static final class Listener implements TestExecutionListener {

        private final ChildChannel channel;

        Listener(ChildChannel channel) {
            this.channel = channel;
        }

        @Override
        public void dynamicTestRegistered(TestIdentifier test) {
            channel.send(new ChildEvent.Registered(test.getUniqueId(), test.getParentId().orElse(""),
                    test.getDisplayName()));
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            channel.send(new ChildEvent.TestStarted(test.getUniqueId()));
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            channel.send(new ChildEvent.TestSkipped(test.getUniqueId(), reason == null ? "" : reason));
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            channel.send(new ChildEvent.TestFinished(test.getUniqueId(),
                    ChildEvent.TestStatus.valueOf(result.getStatus().name()),
                    result.getThrowable().map(Failures::describe).orElse("")));
        }
    }
}
