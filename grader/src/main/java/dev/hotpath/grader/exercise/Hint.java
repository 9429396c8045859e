package dev.hotpath.grader.exercise;

import java.util.List;

/**
 * A hint shown to a learner. A hint with {@code tests} applies when one of those tests fails; each
 * entry is a test class's simple name or {@code Class#method}. A hint without tests is general.
 */
public record Hint(List<String> tests, String text) {

    public boolean appliesTo(String testClass, String testMethod) {
        String simpleName = testClass.substring(testClass.lastIndexOf('.') + 1);
        return tests.contains(simpleName) || tests.contains(simpleName + "#" + testMethod);
    }
}
