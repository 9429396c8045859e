package dev.hotpath.grader.authoring;

/**
 * One thing wrong with an exercise's wiring, where an author fixes it.
 *
 * @param file    the file as people see it (relative to the working directory when shorter)
 * @param line    1-based, or 0 when the problem is about the whole file
 * @param message what is wrong and how to put it right
 */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
