package dev.hotpath.grader.report;

/**
 * A compiler error in a submitted file.
 *
 * @param file   the editable file's path relative to the exercise, e.g. {@code src/main/java/.../PageCache.java}
 * @param line   1-based line, 0 when the error is not tied to a line
 * @param column 1-based column, 0 when unknown
 */
public record CompileError(String file, long line, long column, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + message;
    }
}
