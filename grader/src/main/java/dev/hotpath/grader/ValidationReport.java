package dev.hotpath.grader;

import java.util.List;

/**
 * The instructor's check of an exercise: the starter is correct but slow, the reference solution
 * passes everything, and every trap is caught.
 *
 * @param checks one line each, with the measured numbers in {@code detail}
 */
public record ValidationReport(String exercise, List<Check> checks) {

    public ValidationReport {
        checks = List.copyOf(checks);
    }

    public record Check(String subject, String expectation, boolean passed, String detail) {
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }
}
