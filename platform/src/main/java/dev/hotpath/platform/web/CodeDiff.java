package dev.hotpath.platform.web;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What changed between two versions of a submission's files, as unified diffs with three lines of context. */
final class CodeDiff {

    /** One line of a unified diff, with the kind of line it is for styling. */
    record Line(String kind, String text) {
    }

    /** One file's diff; {@code lines} is empty when the file did not change. */
    record FileDiff(String path, List<Line> lines, int added, int removed) {

        public boolean unchanged() {
            return lines.isEmpty();
        }
    }

    private static final int CONTEXT = 3;

    private CodeDiff() {
    }

    /** Every file of {@code after}, diffed against the same path in {@code before} (missing counts as empty). */
    static List<FileDiff> between(Map<String, String> before, Map<String, String> after) {
        List<FileDiff> diffs = new ArrayList<>();
        after.forEach((path, content) -> diffs.add(file(path, before.getOrDefault(path, ""), content)));
        return diffs;
    }

    private static FileDiff file(String path, String before, String after) {
        List<String> original = before.lines().toList();
        List<String> revised = after.lines().toList();
        Patch<String> patch = DiffUtils.diff(original, revised);
        if (patch.getDeltas().isEmpty()) {
            return new FileDiff(path, List.of(), 0, 0);
        }
        List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, original, patch, CONTEXT);
        List<Line> lines = new ArrayList<>();
        int added = 0;
        int removed = 0;
        // The first two lines are the ---/+++ file headers; the page names the file itself.
        for (String line : unified.subList(2, unified.size())) {
            String kind = line.startsWith("@@") ? "hunk" : line.startsWith("+") ? "added" : line.startsWith("-") ? "removed" : "context";
            added += kind.equals("added") ? 1 : 0;
            removed += kind.equals("removed") ? 1 : 0;
            lines.add(new Line(kind, line));
        }
        return new FileDiff(path, lines, added, removed);
    }
}
