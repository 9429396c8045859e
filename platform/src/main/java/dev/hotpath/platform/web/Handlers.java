package dev.hotpath.platform.web;

/** The handler classes {@link Routes} binds, one per area of the site. */
record Handlers(Guard guard, CourseHandlers course, WebAssets assets, AccountHandlers accounts,
                ExerciseHandlers exercises, SubmissionHandlers submissions, ApiHandlers api,
                InstructorHandlers instructor, ErrorResponses errors) {
}
