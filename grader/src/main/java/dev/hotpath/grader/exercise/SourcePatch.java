package dev.hotpath.grader.exercise;

import dev.hotpath.grader.submission.InvalidSubmissionException;
import dev.hotpath.grader.submission.Submission;
import dev.hotpath.grader.yaml.YamlException;
import dev.hotpath.grader.yaml.YamlMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A submission described as a base (the starter or the reference solution) plus exact text
 * replacements, so a known-wrong or hostile variant states precisely what it changes. Read from a
 * YAML mapping with {@code base:} and {@code replace:} keys.
 */
public record SourcePatch(Base base, List<Replacement> replacements) {

    public static final List<String> KEYS = List.of("base", "replace");

    public enum Base { STARTER, SOLUTION }

    /** Replace the single occurrence of {@code find} in {@code file} with {@code with}. */
    public record Replacement(String file, String find, String with, int line) {
    }

    /** Reads {@code base} and {@code replace} from {@code yaml}. */
    public static SourcePatch read(YamlMap yaml, Exercise exercise) throws YamlException {
        Base base = yaml.choice("base", List.of("starter", "solution")).equals("starter") ? Base.STARTER : Base.SOLUTION;
        List<String> editable = exercise.manifest().editable();
        List<Replacement> replacements = new ArrayList<>();
        for (YamlMap entry : yaml.maps("replace")) {
            entry.allowOnly(List.of("file", "find", "with"));
            String target = entry.has("file") ? entry.string("file") : editable.get(0);
            if (!editable.contains(target)) {
                throw entry.error("file", "\"" + target + "\" is not an editable file of the exercise");
            }
            String find = entry.string("find");
            if (find.isEmpty()) {
                throw entry.error("find", "must not be empty");
            }
            replacements.add(new Replacement(target, find, entry.has("with") ? entry.string("with") : "",
                    entry.line("find")));
        }
        if (replacements.isEmpty()) {
            throw yaml.error("replace", "must change something");
        }
        return new SourcePatch(base, List.copyOf(replacements));
    }

    /**
     * The base with the replacements applied.
     *
     * @throws InvalidSubmissionException if the base is missing or a replaced text does not occur exactly once
     */
    public Submission apply(Exercise exercise) throws InvalidSubmissionException {
        Map<String, String> files = new LinkedHashMap<>(Submission.fromDirectory(exercise,
                base == Base.STARTER ? exercise.starterDir() : exercise.solutionDir()).files());
        for (Replacement replacement : replacements) {
            String content = files.get(replacement.file());
            if (content == null) {
                throw new InvalidSubmissionException("line " + replacement.line() + ": " + replacement.file()
                        + " is not one of the exercise's editable files");
            }
            int first = content.indexOf(replacement.find());
            if (first < 0 || content.indexOf(replacement.find(), first + 1) >= 0) {
                throw new InvalidSubmissionException("line " + replacement.line() + ": the text to replace must occur"
                        + " exactly once in the " + base.name().toLowerCase(java.util.Locale.ROOT) + "'s "
                        + replacement.file() + ", but occurs " + (first < 0 ? "nowhere" : "more than once"));
            }
            files.put(replacement.file(), content.substring(0, first) + replacement.with()
                    + content.substring(first + replacement.find().length()));
        }
        return Submission.of(exercise, files);
    }
}
