package dev.hotpath.platform.course;

import dev.hotpath.platform.TestCourse;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository's lessons load without a problem, and the model says what the files say. */
class RealCourseTest {

    private static Course course;

    @BeforeAll
    static void load() throws CourseContentException {
        course = TestCourse.load();
    }

    @Test
    void lessonsAreInOrder() {
        assertThat(course.lessons()).extracting(Lesson::order).containsExactly(0, 1, 2, 3, 4);
        assertThat(course.lessons()).extracting(Lesson::id).containsExactly(
                "the-optimization-loop", "remove-repeated-work", "when-threads-wait", "cost-of-temporary-objects",
                "find-it-yourself");
        assertThat(course.lessons()).extracting(Lesson::estimatedMinutes).containsExactly(30, 45, 50, 50, 60);
        assertThat(course.introduction().title()).isEqualTo("Hotpath: performance engineering for Java developers");
    }

    @Test
    void quizzesAreParsedWithTheirRightAnswers() {
        Quiz first = course.lesson("the-optimization-loop").orElseThrow().quizzes().get(0);
        assertThat(first.question()).startsWith("A team doubles the speed of its JSON parser");
        assertThat(first.choices()).hasSize(4);
        assertThat(first.choices().get(first.answer() - 1))
                .isEqualTo("Parsing was a small fraction of the request; the dominant cost is somewhere else.");
        assertThat(first.explanation()).startsWith("A component that takes a fraction f");
        assertThat(first.artifact()).isEmpty();
        assertThat(course.lessons()).flatExtracting(Lesson::quizzes).extracting(Quiz::artifact)
                .as("questions that show a JMH table, a thread dump or a GC log line")
                .anySatisfy(artifact -> assertThat(artifact).contains("Benchmark", "Score"))
                .anySatisfy(artifact -> assertThat(artifact).contains("java.lang.Thread.State"))
                .anySatisfy(artifact -> assertThat(artifact).contains("Pause Young"));
    }

    /**
     * Readers learn nothing from a quiz whose right answers sit mostly in one place. Shuffling in the
     * browser hides the pattern on the page; this keeps it out of the source too (for readers without
     * JavaScript, and for the Markdown on GitHub).
     */
    @Test
    void noAnswerPositionHoldsMoreThanFortyPercentOfALessonsQuestions() {
        for (Lesson lesson : course.lessons()) {
            List<Integer> answers = answers(lesson.id());
            assertThat(answers).as("the quiz of %s", lesson.id()).hasSizeGreaterThanOrEqualTo(5);
            Map<Integer, Long> byPosition = answers.stream()
                    .collect(Collectors.groupingBy(answer -> answer, TreeMap::new, Collectors.counting()));
            byPosition.forEach((position, count) -> assertThat(count * 100.0 / answers.size())
                    .as("%s: right answers at choice %d (answers in order: %s)", lesson.id(), position, answers)
                    .isLessThanOrEqualTo(40.0));
        }
    }

    /**
     * Where the concept map says a concept is practised in "quiz (lesson N)", lesson N has a question
     * that covers the concept's section (its {@code covers:}).
     */
    @Test
    void everyQuizTheConceptMapPromisesExists() {
        int claims = 0;
        for (TableRow row : conceptMapRows()) {
            String concept = text(row.getFirstChild());
            LinkTarget.Page section = (LinkTarget.Page) LinkTarget.of(firstLink(row.getFirstChild().getNext()).getDestination());
            String practice = text(row.getLastChild());
            Matcher quiz = QUIZ_CLAIM.matcher(practice);
            if (!quiz.find()) {
                continue;
            }
            for (String number : quiz.group(1).strip().split("\\D+", -1)) {
                Lesson lesson = course.lessons().stream().filter(l -> l.order() == Integer.parseInt(number))
                        .findFirst().orElseThrow(() -> new AssertionError("\"" + concept + "\": no lesson " + number));
                claims++;
                assertThat(lesson.quizzes()).as("lesson %s questions covering %s, for \"%s\"", number, section, concept)
                        .anySatisfy(q -> assertThat(q.covers()).anySatisfy(
                                covered -> assertThat(resolve(lesson, covered)).isEqualTo(section)));
            }
        }
        assertThat(claims).isGreaterThan(20);
    }

    private static final Pattern QUIZ_CLAIM = Pattern.compile("quiz \\(lessons? ([0-9][0-9 ,and]*)\\)");

    /** A covers entry as the page and anchor it names, seen from the lesson it is written in. */
    private static LinkTarget.Page resolve(Lesson lesson, String covered) {
        LinkTarget target = LinkTarget.of(covered);
        return target instanceof LinkTarget.SamePage same
                ? new LinkTarget.Page(lesson.page().fileName(), same.anchor())
                : (LinkTarget.Page) target;
    }

    @Test
    void exercisesComeFromTheGradersManifests() {
        assertThat(course.lesson("the-optimization-loop").orElseThrow().exercises()).isEmpty();
        LessonExercise exercise = course.lesson("remove-repeated-work").orElseThrow().exercises().get(0);
        assertThat(exercise.id()).isEqualTo("cache-key-explosion");
        assertThat(exercise.title()).isEqualTo("Cache key explosion");
        assertThat(exercise.summary()).startsWith("A storefront caches rendered product pages");
        assertThat(exercise.editable()).containsExactly(
                "exercises/cache-key-explosion/src/main/java/dev/hotpath/cachekey/PageCache.java");
        assertThat(exercise.testCommand()).isEqualTo("mvn -q test -pl exercises/cache-key-explosion");
        assertThat(exercise.gradeCommand()).isEqualTo("mvn -q verify -Pgrade -Dexercise=cache-key-explosion");
    }

    @Test
    void imagesArePartOfTheCourse() {
        assertThat(course.files()).containsExactlyInAnyOrder("img/optimization-loop.svg", "img/cost-layers.svg",
                "img/cache-keys.svg", "img/lock-vs-overlap.svg", "img/serializer-write-path.svg",
                "img/profiles/cache-key-explosion-starter-cpu.svg", "img/profiles/serializer-churn-starter-allocation.svg",
                "img/profiles/hot-lock-starter-waiting.svg");
        assertThat(course.file("img/cache-keys.svg")).get().matches(path -> path.toFile().isFile());
        assertThat(course.file("../pom.xml")).isEmpty();
    }

    /** Every row of README's concept map points at a section of a lesson that exists. */
    @Test
    void everyConceptMapRowLinksToALessonSection() {
        List<TableRow> rows = conceptMapRows();
        assertThat(rows).hasSizeGreaterThan(40);
        for (TableRow row : rows) {
            String concept = text(row.getFirstChild());
            Link link = firstLink(row.getFirstChild().getNext());
            assertThat(link).as("the lesson section of \"%s\"", concept).isNotNull();
            LinkTarget target = LinkTarget.of(link.getDestination());
            assertThat(target).as("the link of \"%s\"", concept).isInstanceOf(LinkTarget.Page.class);
            LinkTarget.Page section = (LinkTarget.Page) target;
            Lesson lesson = course.lessonInFile(section.file()).orElse(null);
            assertThat(lesson).as("the lesson of \"%s\" (%s)", concept, section.file()).isNotNull();
            assertThat(lesson.page().anchors()).as("the sections of %s, for \"%s\"", section.file(), concept)
                    .contains(section.anchor());
        }
    }

    private static List<Integer> answers(String lessonId) {
        return course.lesson(lessonId).orElseThrow().quizzes().stream().map(Quiz::answer).toList();
    }

    private static List<TableRow> conceptMapRows() {
        List<TableRow> rows = new ArrayList<>();
        boolean[] inConceptMap = {false};
        for (Node node = course.introduction().document().getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 2) {
                inConceptMap[0] = text(heading).equals("Concept map");
            } else if (inConceptMap[0] && node instanceof CustomBlock) {
                node.accept(new AbstractVisitor() {
                    @Override
                    public void visit(CustomNode custom) {
                        if (custom instanceof TableRow row && row.getParent() instanceof TableBody) {
                            rows.add(row);
                        }
                        visitChildren(custom);
                    }
                });
            }
        }
        return rows;
    }

    private static Link firstLink(Node cell) {
        List<Link> links = new ArrayList<>();
        cell.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link);
            }
        });
        return links.isEmpty() ? null : links.get(0);
    }

    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }
        });
        return text.toString();
    }
}
