package dev.hotpath.platform.course;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each kind of bad content fails the course with its file, its line and an exact message. */
class BadContentTest {

    @TempDir
    Path root;

    private CourseFixture fixture;
    private Path first;
    private Path second;

    @BeforeEach
    void writeValidCourse() {
        fixture = new CourseFixture(root);
        first = fixture.lesson("00-first.md");
        second = fixture.lesson("01-second.md");
    }

    @Test
    void theFixtureItselfIsValid() throws CourseContentException {
        Course course = fixture.load();
        assertThat(course.lessons()).extracting(Lesson::id).containsExactly("first", "second");
        assertThat(course.lessons().get(0).quizzes()).containsExactly(
                new Quiz("Which one is right?", "", java.util.List.of("This one", "That one"), 1, "Because it is.",
                        java.util.List.of()));
        assertThat(course.lessons().get(1).exercises()).extracting(LessonExercise::title).containsExactly("Exercise one");
        assertThat(course.files()).containsExactly("img/diagram.svg");
    }

    // ---- exercises ----

    @Test
    void lessonNamingAMissingExercise() {
        fixture.replace(second, "exercises: [ex-one]", "exercises: [ex-one, ex-two]");
        assertProblems(new ContentProblem(second, 5,
                "front matter: exercises: there is no exercise \"ex-two\" (no exercises/ex-two/exercise.yaml)"));
    }

    @Test
    void exerciseWhoseLessonIsMissing() {
        fixture.replace(fixture.manifest("ex-one"), "lesson: second", "lesson: third");
        assertProblems(
                new ContentProblem(second, 5, "front matter: exercises: exercise \"ex-one\" belongs to lesson \"third\""
                        + " (its exercise.yaml says so), not to \"second\""),
                new ContentProblem(fixture.manifest("ex-one"), 3, "exercise: lesson: there is no lesson \"third\" in lessons/"));
    }

    @Test
    void exerciseListedByAnotherLesson() {
        fixture.replace(first, "exercises: []", "exercises: [ex-one]");
        assertProblems(new ContentProblem(first, 5, "front matter: exercises: exercise \"ex-one\" belongs to lesson"
                + " \"second\" (its exercise.yaml says so), not to \"first\""));
    }

    @Test
    void exerciseNotListedByItsLesson() {
        fixture.replace(second, "exercises: [ex-one]", "exercises: []");
        assertProblems(new ContentProblem(fixture.manifest("ex-one"), 3,
                "exercise: lesson: lesson \"second\" does not list this exercise in the 'exercises' of its front matter"));
    }

    @Test
    void brokenExerciseManifestIsReportedByTheGradersReader() {
        fixture.replace(fixture.manifest("ex-one"), "title: Exercise one\n", "");
        assertProblems(new ContentProblem(fixture.manifest("ex-one"), 1, "exercise: title: is missing"));
    }

    // ---- quizzes ----

    @Test
    void quizWithoutAnAnswer() {
        fixture.replace(first, "answer: 1\n", "");
        assertProblems(new ContentProblem(first, 16,
                "quiz: answer: is missing: give the number of the right choice, 1 to 2"));
    }

    @Test
    void quizAnswerOutOfRange() {
        fixture.replace(first, "answer: 1", "answer: 3");
        assertProblems(new ContentProblem(first, 20, "quiz: answer: must be between 1 and 2, got 3"));
    }

    @Test
    void quizAnswerThatIsNoNumber() {
        fixture.replace(first, "answer: 1", "answer: \"This one\"");
        assertProblems(new ContentProblem(first, 20, "quiz: answer: expected a whole number, got \"This one\""));
    }

    @Test
    void quizWithDuplicateChoices() {
        fixture.replace(first, "- \"That one\"", "- \"This one\"");
        assertProblems(new ContentProblem(first, 18, "quiz: choices: \"This one\" is listed twice"));
    }

    @Test
    void quizWithOneChoice() {
        fixture.replace(first, "  - \"That one\"\n", "");
        assertProblems(new ContentProblem(first, 18, "quiz: choices: must list 2 to 5 choices, got 1"));
    }

    @Test
    void quizWithAnUnknownKey() {
        fixture.replace(first, "explanation: \"Because it is.\"", "explanation: \"Because it is.\"\nhint: \"Think.\"");
        assertProblems(new ContentProblem(first, 22,
                "quiz: hint: unknown key (allowed here: answer, artifact, choices, covers, explanation, question)"));
    }

    @Test
    void quizCoveringASectionThatDoesNotExist() {
        fixture.replace(first, "explanation: \"Because it is.\"",
                "explanation: \"Because it is.\"\ncovers: [\"#first-section\", \"01-second.md#no-such-section\"]");
        assertProblems(new ContentProblem(first, 15,
                "quiz covers 01-second.md#no-such-section: 01-second.md has no heading with the anchor \"no-such-section\""));
    }

    @Test
    void quizCoveringSomethingThatIsNoSection() {
        fixture.replace(first, "explanation: \"Because it is.\"", "explanation: \"Because it is.\"\ncovers: [\"01-second.md\"]");
        assertProblems(new ContentProblem(first, 22,
                "quiz: covers: \"01-second.md\" is not a section: write #anchor or page.md#anchor"));
    }

    @Test
    void quizThatIsNotYaml() {
        fixture.replace(first, "choices:\n", "choices: [\n");
        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(first);
            assertThat(problem.message()).startsWith("quiz: not valid YAML: ");
        });
    }

    // ---- links ----

    @Test
    void linkToAMissingLesson() {
        fixture.replace(first, "(01-second.md#second-section)", "(01-secnd.md#second-section)");
        assertProblems(new ContentProblem(first, 13, "link 01-secnd.md#second-section: no such page in lessons/"));
    }

    @Test
    void linkToAMissingAnchor() {
        fixture.replace(first, "(01-second.md#second-section)", "(01-second.md#third-section)");
        assertProblems(new ContentProblem(first, 13,
                "link 01-second.md#third-section: 01-second.md has no heading with the anchor \"third-section\""));
    }

    @Test
    void linkToAMissingAnchorOfTheSamePage() {
        fixture.replace(second, "![A diagram]", "See [above](#first-section).\n\n![A diagram]");
        assertProblems(new ContentProblem(second, 13,
                "link #first-section: this page has no heading with the anchor \"first-section\""));
    }

    @Test
    void linkFromTheIntroductionIsCheckedToo() {
        fixture.replace(fixture.lesson("README.md"), "00-first.md#first-section", "00-first.md#first");
        assertProblems(new ContentProblem(fixture.lesson("README.md"), 3,
                "link 00-first.md#first: 00-first.md has no heading with the anchor \"first\""));
    }

    @Test
    void missingImage() {
        fixture.replace(second, "img/diagram.svg", "img/diagram.png");
        assertProblems(new ContentProblem(second, 13, "image img/diagram.png: no such file in lessons/"));
    }

    @Test
    void imageOutsideTheLessonsFolder() {
        fixture.replace(second, "img/diagram.svg", "../exercises/ex-one/exercise.yaml");
        assertProblems(new ContentProblem(second, 13,
                "image ../exercises/ex-one/exercise.yaml: no such file in lessons/"));
    }

    // ---- front matter ----

    @Test
    void duplicateIds() {
        fixture.write(fixture.lesson("02-third.md"), CourseFixture.SECOND
                .replace("exercises: [ex-one]", "exercises: []").replace("order: 1", "order: 2"));
        assertProblems(new ContentProblem(fixture.lesson("02-third.md"), 2,
                "front matter: id: second is already the id of 01-second.md"));
    }

    @Test
    void duplicateOrders() {
        fixture.write(fixture.lesson("02-third.md"), CourseFixture.SECOND
                .replace("exercises: [ex-one]", "exercises: []").replace("id: second", "id: third"));
        assertProblems(new ContentProblem(fixture.lesson("02-third.md"), 4,
                "front matter: order: 1 is already the order of 01-second.md"));
    }

    @Test
    void unknownFrontMatterKey() {
        fixture.replace(first, "order: 0\n", "order: 0\nauthor: someone\n");
        assertProblems(new ContentProblem(first, 5,
                "front matter: author: unknown key (allowed here: estimated-minutes, exercises, id, order, title)"));
    }

    @Test
    void missingFrontMatterField() {
        fixture.replace(first, "estimated-minutes: 10\n", "");
        assertProblems(new ContentProblem(first, 2, "front matter: estimated-minutes: is missing"));
    }

    @Test
    void badFrontMatterValues() {
        fixture.replace(first, "order: 0", "order: first").replace(first, "id: first", "id: First Lesson");
        assertProblems(
                new ContentProblem(first, 2, "front matter: id: must be lower-case words joined by dashes, got \"First Lesson\""),
                new ContentProblem(first, 4, "front matter: order: expected a whole number, got \"first\""));
    }

    @Test
    void titleThatDiffersFromTheHeading() {
        fixture.replace(first, "title: First lesson", "title: The first lesson");
        assertProblems(new ContentProblem(first, 3,
                "front matter: title: \"The first lesson\" differs from the page's heading \"First lesson\""));
    }

    @Test
    void lessonWithoutFrontMatter() {
        fixture.write(first, CourseFixture.FIRST.substring(CourseFixture.FIRST.indexOf("# First lesson")));
        assertThat(problems()).contains(new ContentProblem(first, 1, "a lesson must start with front matter"
                + " between '---' lines (id, title, order, exercises, estimated-minutes)"));
    }

    @Test
    void pageWithoutATitle() {
        fixture.replace(fixture.lesson("README.md"), "# Test course\n", "");
        assertProblems(new ContentProblem(fixture.lesson("README.md"), 2,
                "a page must start with a level-1 heading (# Title): its title"));
    }

    // ---- all together ----

    @Test
    void everyProblemIsReportedAtOnce() {
        fixture.replace(first, "answer: 1", "answer: 5")
                .replace(second, "img/diagram.svg", "img/missing.svg")
                .replace(fixture.manifest("ex-one"), "lesson: second", "lesson: third");

        CourseContentException e = catchThrowableOfType(CourseContentException.class, fixture::load);

        assertThat(e.problems()).containsExactly(
                new ContentProblem(first, 20, "quiz: answer: must be between 1 and 2, got 5"),
                new ContentProblem(second, 5, "front matter: exercises: exercise \"ex-one\" belongs to lesson \"third\""
                        + " (its exercise.yaml says so), not to \"second\""),
                new ContentProblem(fixture.manifest("ex-one"), 3, "exercise: lesson: there is no lesson \"third\" in lessons/"),
                new ContentProblem(second, 13, "image img/missing.svg: no such file in lessons/"));
        assertThat(e.getMessage()).isEqualTo("4 problems in the course content:"
                + "\n  " + first + ":20: quiz: answer: must be between 1 and 2, got 5"
                + "\n  " + second + ":5: front matter: exercises: exercise \"ex-one\" belongs to lesson \"third\""
                + " (its exercise.yaml says so), not to \"second\""
                + "\n  " + fixture.manifest("ex-one") + ":3: exercise: lesson: there is no lesson \"third\" in lessons/"
                + "\n  " + second + ":13: image img/missing.svg: no such file in lessons/");
    }

    private void assertProblems(ContentProblem... expected) {
        assertThat(problems()).containsExactly(expected);
    }

    private java.util.List<ContentProblem> problems() {
        CourseContentException e = catchThrowableOfType(CourseContentException.class, fixture::load);
        assertThat(e).as("the course should not load").isNotNull();
        return e.problems();
    }
}
