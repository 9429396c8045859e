package dev.hotpath.grader.authoring;

import dev.hotpath.grader.yaml.YamlException;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.exercise.SourcePatch;
import dev.hotpath.grader.exercise.Trap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks that every {@code find:} of a trap occurs exactly once where it is applied (replacements in
 * order, as grading applies them), and when it does not, shows the nearest text. A multi-line
 * {@code find:} usually fails on YAML block-scalar indentation, so that is explained on the spot.
 */
final class TrapFinds {

    static final String BLOCK_SCALARS = "a YAML block scalar ('|' keeps the newlines, '|-' drops the last one)"
            + " strips the indentation of its first line from every line, so each further line must be indented"
            + " in the YAML by the block's indentation plus that line's full indentation in the Java file";

    private TrapFinds() {
    }

    static List<Problem> check(Exercise exercise, Trap trap, Path trapFile) throws IOException {
        String source = YamlException.displayName(trapFile);
        SourcePatch patch = trap.patch();
        String base = patch.base().name().toLowerCase(Locale.ROOT);
        Path baseDir = patch.base() == SourcePatch.Base.STARTER ? exercise.starterDir() : exercise.solutionDir();
        Map<String, String> files = new HashMap<>();
        Map<String, Integer> applied = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (SourcePatch.Replacement replacement : patch.replacements()) {
            Path file = baseDir.resolve(replacement.file());
            if (!files.containsKey(replacement.file())) {
                if (!Files.isRegularFile(file)) {
                    problems.add(new Problem(source, replacement.line(), "base: the " + base + " has no "
                            + replacement.file() + " (expected " + YamlException.displayName(file) + ")"));
                    continue;
                }
                files.put(replacement.file(), Files.readString(file, StandardCharsets.UTF_8));
            }
            String content = files.get(replacement.file());
            String find = replacement.find();
            int first = content.indexOf(find);
            if (first < 0) {
                problems.add(new Problem(source, replacement.line(), "find: occurs nowhere in the " + base + "'s "
                        + replacement.file() + (applied.containsKey(replacement.file()) ? " (after the replacements before it)" : "")
                        + "; " + nearest(content, find)));
            } else if (content.indexOf(find, first + 1) >= 0) {
                problems.add(new Problem(source, replacement.line(), "find: occurs more than once in the " + base
                        + "'s " + replacement.file() + " (first on line " + lineOf(content, first)
                        + "): include more of the surrounding text so that it occurs once"));
            } else {
                files.put(replacement.file(), content.substring(0, first) + replacement.with()
                        + content.substring(first + find.length()));
                applied.merge(replacement.file(), 1, Integer::sum);
            }
        }
        return problems;
    }

    /** Where the text comes closest, and for a multi-line text, the first line that differs and why. */
    static String nearest(String content, String find) {
        List<String> fileLines = content.lines().toList();
        List<String> findLines = find.lines().toList();
        if (findLines.size() <= 1) {
            int at = closestLine(fileLines, find.strip());
            return "the nearest line is " + (at + 1) + ": \"" + fileLines.get(at).strip() + "\"";
        }
        String explanation = "the text spans " + findLines.size() + " lines, and " + BLOCK_SCALARS + ". ";
        for (int start = 0; start < fileLines.size(); start++) {
            if (!findLines.get(0).isBlank() && fileLines.get(start).endsWith(findLines.get(0))) {
                for (int k = 1; k < findLines.size() && start + k < fileLines.size(); k++) {
                    String wanted = findLines.get(k);
                    String actual = fileLines.get(start + k);
                    boolean last = k == findLines.size() - 1;
                    if (last ? !actual.startsWith(wanted) : !actual.equals(wanted)) {
                        String indentation = wanted.strip().equals(actual.strip()) || actual.strip().startsWith(wanted.strip())
                                ? " (the same text, indented " + indent(wanted) + " spaces instead of the file's "
                                + indent(actual) + ")" : "";
                        return explanation + "The first line matches line " + (start + 1) + " of the file, but line "
                                + (k + 1) + " of find is \"" + wanted + "\" where line " + (start + k + 1)
                                + " of the file is \"" + actual + "\"" + indentation;
                    }
                }
            }
        }
        int at = closestLine(fileLines, findLines.get(0).strip());
        return explanation + "Its first line, \"" + findLines.get(0).strip() + "\", is nearest to line " + (at + 1)
                + ": \"" + fileLines.get(at).strip() + "\"";
    }

    private static int closestLine(List<String> lines, String wanted) {
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            int distance = Nearest.distance(lines.get(i).strip(), wanted);
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    /** The 1-based line of {@code index} in {@code content}. */
    static int lineOf(String content, int index) {
        return (int) content.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
