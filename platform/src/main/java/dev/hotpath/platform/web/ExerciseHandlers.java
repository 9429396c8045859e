package dev.hotpath.platform.web;

import dev.hotpath.platform.auth.User;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.grading.ExerciseCatalog;
import dev.hotpath.platform.grading.GradingService;
import dev.hotpath.platform.grading.SubmissionRefusedException;
import dev.hotpath.platform.grading.SubmissionStatus;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The exercise page (statement, editor, visible tests), submitting from it, and the learner's history. */
final class ExerciseHandlers {

    /** Form fields named {@code file:<path>} carry the editable files. */
    static final String FILE_FIELD_PREFIX = "file:";
    private static final int RECENT_SUBMISSIONS = 5;

    /** An editable file as the editor shows it. */
    record EditorFile(String path, String field, String content) {
    }

    /** A submission of the history with the diff against the one before it (or the starter). */
    record HistoryEntry(SubmissionStatus submission, String comparedWith, List<CodeDiff.FileDiff> diffs) {
    }

    private final ExerciseCatalog catalog;
    private final ExerciseStatements statements;
    private final SubmissionRepository submissions;
    private final GradingService grading;
    private final WebSession session;
    private final Pages pages;
    private final WebLinks links;

    ExerciseHandlers(ExerciseCatalog catalog, ExerciseStatements statements, SubmissionRepository submissions,
                     GradingService grading, WebSession session, Pages pages, WebLinks links) {
        this.catalog = catalog;
        this.statements = statements;
        this.submissions = submissions;
        this.grading = grading;
        this.session = session;
        this.pages = pages;
        this.links = links;
    }

    /** Loaded with the learner's last submission, or the starter when there is none or {@code ?from=starter}. */
    void page(Context ctx) {
        ExerciseCatalog.Entry entry = entry(catalog, ctx);
        User learner = session.user(ctx);
        boolean starterAsked = "starter".equals(ctx.queryParam("from"));
        Long latest = starterAsked ? null : submissions.latestId(learner.id(), entry.exercise().id()).orElse(null);
        Map<String, String> files = latest == null ? entry.starter() : submissions.files(latest);
        String loadedFrom = latest == null ? "the starter" : "your submission #" + latest;
        render(ctx, 200, entry, learner, files, loadedFrom, "");
    }

    void submit(Context ctx) {
        ExerciseCatalog.Entry entry = entry(catalog, ctx);
        User learner = session.user(ctx);
        Map<String, String> files = submittedFiles(ctx);
        try {
            long id = grading.submit(learner, ctx.ip(), entry.exercise().id(), files);
            ctx.redirect(links.submission(id), HttpStatus.SEE_OTHER);
        } catch (SubmissionRefusedException e) {
            // Keep the learner's code in the editor: a refused submission must not cost them their edits.
            Refusals.retryAfter(ctx, e.reason());
            render(ctx, Refusals.status(e.reason()), entry, learner, files, "your edits (not submitted)",
                    Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
    }

    void history(Context ctx) {
        ExerciseCatalog.Entry entry = entry(catalog, ctx);
        User learner = session.user(ctx);
        List<SubmissionStatus> newestFirst = submissions.history(learner.id(), entry.exercise().id());
        List<HistoryEntry> history = new ArrayList<>();
        // Oldest first, so that each submission's files are read once and serve as the next one's "before".
        Map<String, String> before = entry.starter();
        String comparedWith = "the starter";
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            SubmissionStatus submission = newestFirst.get(i);
            Map<String, String> files = submissions.files(submission.id());
            history.add(0, new HistoryEntry(submission, comparedWith, CodeDiff.between(before, files)));
            before = files;
            comparedWith = "#" + submission.id();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("entry", entry);
        model.put("history", history);
        pages.render(ctx, "web/history", model);
    }

    private void render(Context ctx, int status, ExerciseCatalog.Entry entry, User learner, Map<String, String> files,
                        String loadedFrom, String error) {
        List<EditorFile> editor = files.entrySet().stream()
                .map(file -> new EditorFile(file.getKey(), FILE_FIELD_PREFIX + file.getKey(), file.getValue()))
                .toList();
        List<SubmissionStatus> recent = submissions.history(learner.id(), entry.exercise().id());
        Map<String, Object> model = new HashMap<>();
        model.put("entry", entry);
        model.put("statement", statements.html(entry.exercise().id()));
        model.put("files", editor);
        model.put("loadedFrom", loadedFrom);
        model.put("recent", recent.subList(0, Math.min(RECENT_SUBMISSIONS, recent.size())));
        model.put("submissionCount", recent.size());
        model.put("error", error);
        model.put("gradingTime", GradingTimes.of(submissions.recentGradingMillis(entry.exercise().id(),
                GradingTimes.RECENT)).sentence());
        ctx.status(status);
        pages.render(ctx, "web/exercise", model);
    }

    /** The exercise named by the route's {@code exercise} parameter; not found when there is none. */
    static ExerciseCatalog.Entry entry(ExerciseCatalog catalog, Context ctx) {
        String id = ctx.pathParam("exercise");
        return catalog.find(id).orElseThrow(() -> new NotFoundResponse("There is no exercise \"" + id + "\"."));
    }

    private static Map<String, String> submittedFiles(Context ctx) {
        Map<String, String> files = new LinkedHashMap<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (name.startsWith(FILE_FIELD_PREFIX) && !values.isEmpty()) {
                // Browsers send CRLF line ends from text areas; the grader and the diffs expect the file's own.
                files.put(name.substring(FILE_FIELD_PREFIX.length()), values.get(0).replace("\r\n", "\n"));
            }
        });
        return files;
    }
}
