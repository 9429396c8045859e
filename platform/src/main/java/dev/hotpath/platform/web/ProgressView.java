package dev.hotpath.platform.web;

import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.Stage;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.grader.report.Verdict;
import dev.hotpath.platform.grading.QueuedGradingService;
import dev.hotpath.platform.grading.SubmissionState;
import dev.hotpath.platform.grading.SubmissionStatus;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * A submission's way through grading as the result page lists it: queued → compiling → policy →
 * tests → performance → verdict, each done, current, waiting, failed, inconclusive or skipped; the
 * verdict step is done only for a PASS. The page renders
 * it and the event stream sends it, so the browser only applies what the server decided.
 */
final class ProgressView {

    /** One step; {@code state} is also the CSS class. */
    record Step(String name, String label, String state, String message) {
    }

    private static final List<Stage> GRADER_STAGES = List.of(Stage.values());

    private ProgressView() {
    }

    /**
     * @param report       the grade report once DONE, else null
     * @param queuedAhead  submissions ahead of this one while QUEUED
     */
    static List<Step> steps(SubmissionStatus status, @Nullable GradeReport report, long queuedAhead) {
        List<Step> steps = new ArrayList<>();
        if (status.state() == SubmissionState.QUEUED) {
            String place = queuedAhead == 0 ? "next in line"
                    : queuedAhead + (queuedAhead == 1 ? " submission" : " submissions") + " ahead of yours";
            steps.add(new Step("queued", "Queued", "current",
                    status.remeasures() > 0 ? remeasuring(status) + "; " + place : place));
            GRADER_STAGES.forEach(stage -> steps.add(step(stage, "waiting", "")));
            steps.add(verdict("waiting", ""));
            return steps;
        }
        steps.add(new Step("queued", "Queued", "done", status.state() == SubmissionState.RUNNING && status.remeasures() > 0
                ? remeasuring(status)
                : status.attempts() - status.remeasures() > 1 ? "graded again after the platform restarted" : ""));
        if (status.state() == SubmissionState.RUNNING) {
            int current = status.stage() == null ? 0
                    : Stage.byId(status.stage()).map(GRADER_STAGES::indexOf).orElse(0);
            for (int i = 0; i < GRADER_STAGES.size(); i++) {
                String state = i < current ? "done" : i == current ? "current" : "waiting";
                steps.add(step(GRADER_STAGES.get(i), state, i == current && status.stageMessage() != null
                        ? status.stageMessage() : ""));
            }
            steps.add(verdict("waiting", ""));
            return steps;
        }
        for (Stage stage : GRADER_STAGES) {
            StageResult result = report == null ? null
                    : report.stages().stream().filter(s -> s.stage() == stage).findFirst().orElse(null);
            steps.add(result == null ? step(stage, "skipped", "not run") : step(stage, stateOf(result), result.message()));
        }
        steps.add(verdict(verdictState(status.verdict()), status.verdict() == null ? "" : status.verdict().name()));
        return steps;
    }

    /** ✓ only for a pass: a FAIL or ERROR is marked failed, an INCONCLUSIVE measurement undecided. */
    private static String verdictState(@Nullable Verdict verdict) {
        if (verdict == null) {
            return "skipped";
        }
        return switch (verdict) {
            case PASS -> "done";
            case FAIL, ERROR -> "failed";
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    /** An inconclusive measurement is being repeated: the learner sees that, and why. */
    private static String remeasuring(SubmissionStatus status) {
        return "measuring again (try " + (status.remeasures() + 1) + " of " + QueuedGradingService.MAX_MEASUREMENTS
                + "): the machine was too busy for a fair measurement";
    }

    private static String stateOf(StageResult result) {
        return switch (result.status()) {
            case PASSED -> "done";
            case FAILED, ERROR -> "failed";
            case SKIPPED -> "skipped";
            case INCONCLUSIVE -> "inconclusive";
        };
    }

    private static Step step(Stage stage, String state, String message) {
        return new Step(stage.id(), stage.title(), state, message);
    }

    private static Step verdict(String state, String message) {
        return new Step("verdict", "Verdict", state, message);
    }
}
