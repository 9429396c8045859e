package dev.hotpath.grader.submission;

import dev.hotpath.grader.exercise.Exercise;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The learner's versions of an exercise's editable files, keyed by their path relative to the
 * exercise directory (as listed under {@code editable} in exercise.yaml).
 */
public final class Submission {

    /** Larger files are refused before compiling: no exercise needs them. */
    public static final int MAX_FILE_BYTES = 256 * 1024;

    private final Map<String, String> files;

    private Submission(Map<String, String> files) {
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /**
     * A submission from file contents, e.g. from the web editor.
     *
     * @throws InvalidSubmissionException if a file is missing, unexpected or too large
     */
    public static Submission of(Exercise exercise, Map<String, String> files) throws InvalidSubmissionException {
        for (String path : files.keySet()) {
            if (!exercise.manifest().editable().contains(path)) {
                throw new InvalidSubmissionException(path + " is not an editable file of exercise " + exercise.id()
                        + " (editable: " + String.join(", ", exercise.manifest().editable()) + ")");
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String path : exercise.manifest().editable()) {
            String content = files.get(path);
            if (content == null) {
                throw new InvalidSubmissionException("the submission has no " + path);
            }
            if (content.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_BYTES) {
                throw new InvalidSubmissionException(path + " is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
            }
            ordered.put(path, content);
        }
        return new Submission(ordered);
    }

    /** Reads the editable files from {@code dir}, where they sit at their relative paths. */
    public static Submission fromDirectory(Exercise exercise, Path dir) throws InvalidSubmissionException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : exercise.manifest().editable()) {
            Path file = dir.resolve(path);
            try {
                if (Files.size(file) > MAX_FILE_BYTES) {
                    throw new InvalidSubmissionException(file + " is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
                }
                files.put(path, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString());
            } catch (NoSuchFileException e) {
                throw new InvalidSubmissionException("the submission in " + dir + " has no " + path);
            } catch (CharacterCodingException e) {
                throw new InvalidSubmissionException(file + " is not valid UTF-8 text");
            } catch (IOException e) {
                throw new InvalidSubmissionException("cannot read " + file + ": " + e.getMessage());
            }
        }
        return new Submission(files);
    }

    /** Path relative to the exercise directory → file content, in the manifest's order. */
    public Map<String, String> files() {
        return files;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Submission that && files.equals(that.files);
    }

    @Override
    public int hashCode() {
        return files.hashCode();
    }
}
