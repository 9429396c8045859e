package dev.hotpath.grader.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the grader does on a machine without bubblewrap. */
class SandboxModeTest {

    private static Optional<Sandbox> noBubblewrap(StringBuilder whyNot) {
        whyNot.append("bubblewrap (bwrap) is not installed");
        return Optional.empty();
    }

    @Test
    void aServerThatRequiresTheSandboxRefusesToGradeWithoutIt(@TempDir Path parent) {
        assertThatThrownBy(() -> new GradingPipeline(parent, Sandbox.Mode.REQUIRED, SandboxModeTest::noBubblewrap))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessage("refusing to grade without the sandbox: bubblewrap (bwrap) is not installed"
                        + " (see docs/security.md; an explicit flag allows unsandboxed grading)");
    }

    @Test
    void aLearnersMachineGradesUnsandboxedAndSaysWhy(@TempDir Path parent) throws Exception {
        try (GradingPipeline pipeline = new GradingPipeline(parent, Sandbox.Mode.IF_AVAILABLE, SandboxModeTest::noBubblewrap)) {
            assertThat(pipeline.unsandboxedReason()).contains("bubblewrap (bwrap) is not installed");
        }
    }

    @Test
    void turningItOffIsExplicit(@TempDir Path parent) throws Exception {
        try (GradingPipeline pipeline = new GradingPipeline(parent, Sandbox.Mode.OFF, whyNot -> {
            throw new AssertionError("must not look for a sandbox when it is off");
        })) {
            assertThat(pipeline.unsandboxedReason()).contains("the sandbox is turned off");
        }
    }
}
