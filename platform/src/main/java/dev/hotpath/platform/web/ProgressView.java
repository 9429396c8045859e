package dev.hotpath.platform.web;

import dev.hotpath.grader.report.GradeReport;
import dev.hotpath.grader.report.StageResult;
import dev.hotpath.platform.grading.QueuedGradingService;
import dev.hotpath.platform.grading.SubmissionState;
import dev.hotpath.platform.grading.SubmissionStatus;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A submission's way through grading as the result page lists it: queued → compiling → policy →
 * tests → performance → verdict, each done, current, waiting, failed or skipped. The page renders
 * it and the event stream sends it, so the browser only applies what the server decided.
 */
final class ProgressView {

    /** One step; {@code state} is also the CSS class. */
    record Step(String name, String label, String state, String message) {
    }

    private static final List<String> GRADER_STAGES = List.of("compile", "policy", "tests", "performance");
    private static final Map<String, String> LABELS = Map.of(
            "queued", "Queued",
            "compile", "Compiling",
            "policy", "Policy check",
            "tests", "Tests",
            "performance", "Performance (benchmark)",
            "verdict", "Verdict");

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
            steps.add(step("queued", "current", status.remeasures() > 0 ? remeasuring(status) + "; " + place : place));
            GRADER_STAGES.forEach(stage -> steps.add(step(stage, "waiting", "")));
            steps.add(step("verdict", "waiting", ""));
            return steps;
        }
        steps.add(step("queued", "done", status.state() == SubmissionState.RUNNING && status.remeasures() > 0
                ? remeasuring(status)
                : status.attempts() - status.remeasures() > 1 ? "graded again after the platform restarted" : ""));
        if (status.state() == SubmissionState.RUNNING) {
            int current = status.stage() == null ? 0 : Math.max(0, GRADER_STAGES.indexOf(status.stage()));
            for (int i = 0; i < GRADER_STAGES.size(); i++) {
                String state = i < current ? "done" : i == current ? "current" : "waiting";
                steps.add(step(GRADER_STAGES.get(i), state, i == current && status.stageMessage() != null
                        ? status.stageMessage() : ""));
            }
            steps.add(step("verdict", "waiting", ""));
            return steps;
        }
        for (String stage : GRADER_STAGES) {
            StageResult result = report == null ? null
                    : report.stages().stream().filter(s -> s.name().equals(stage)).findFirst().orElse(null);
            steps.add(result == null ? step(stage, "skipped", "not run") : step(stage, stateOf(result), result.message()));
        }
        steps.add(step("verdict", "done", status.verdict() == null ? "" : status.verdict().name()));
        return steps;
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

    private static Step step(String name, String state, String message) {
        return new Step(name, LABELS.getOrDefault(name, name), state, message);
    }
}
