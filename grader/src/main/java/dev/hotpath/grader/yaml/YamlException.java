package dev.hotpath.grader.yaml;

import java.nio.file.Path;

/** A YAML document that does not say what it must: names the file, the line, the field and why. */
public class YamlException extends Exception {

    private final String source;
    private final int line;
    private final String field;
    private final String reason;

    public YamlException(String source, int line, String field, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + (field.isEmpty() ? "" : field + ": ") + reason);
        this.source = source;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    /** The file (or other source) the document came from. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The dotted path of the field, e.g. {@code metrics[1].direction}; empty for the whole document. */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    /** A file as people see it in messages: relative to the working directory when it lies below it. */
    public static String displayName(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return absolute.startsWith(cwd) && !absolute.equals(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}
