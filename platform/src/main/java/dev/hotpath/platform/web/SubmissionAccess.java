package dev.hotpath.platform.web;

import dev.hotpath.platform.auth.User;
import dev.hotpath.platform.db.SubmissionRepository;
import dev.hotpath.platform.grading.SubmissionStatus;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * The one place that decides who may see a submission: its author and instructors. To anyone else
 * it does not exist (404), so that ids reveal nothing about other learners' work.
 */
final class SubmissionAccess {

    private final SubmissionRepository submissions;
    private final WebSession session;

    SubmissionAccess(SubmissionRepository submissions, WebSession session) {
        this.submissions = submissions;
        this.session = session;
    }

    /** The submission of the {@code submission} path parameter, if this request's user may see it. */
    SubmissionStatus visible(Context ctx) {
        long id = id(ctx);
        User user = session.user(ctx);
        return submissions.find(id)
                .filter(submission -> submission.userId() == user.id() || user.isInstructor())
                .orElseThrow(() -> new NotFoundResponse("There is no submission " + id + " of yours."));
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("submission");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("\"" + raw + "\" is not a submission number.");
        }
    }
}
