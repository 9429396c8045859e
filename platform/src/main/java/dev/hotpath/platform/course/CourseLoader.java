package dev.hotpath.platform.course;

import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.grader.exercise.ExerciseManifest;
import dev.hotpath.grader.exercise.ManifestReader;
import dev.hotpath.grader.yaml.YamlException;
import dev.hotpath.grader.yaml.YamlMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads the lessons folder and the exercise manifests, and checks them against each other. It goes
 * on after a problem, so that one run reports every problem of the course.
 */
final class CourseLoader {

    static final String INTRODUCTION = "README.md";

    /** A lesson file whose front matter and page both parsed. */
    private record LessonSource(Path file, FrontMatter frontMatter, MarkdownPage page) {
    }

    private final Path lessonsDir;
    private final Path exercisesDir;
    private final List<ContentProblem> problems = new ArrayList<>();

    private CourseLoader(Path lessonsDir, Path exercisesDir) {
        this.lessonsDir = lessonsDir.toAbsolutePath().normalize();
        this.exercisesDir = exercisesDir.toAbsolutePath().normalize();
    }

    static Course load(Path lessonsDir, Path exercisesDir) throws CourseContentException {
        return new CourseLoader(lessonsDir, exercisesDir).load();
    }

    private Course load() throws CourseContentException {
        if (!Files.isDirectory(lessonsDir)) {
            throw new CourseContentException(List.of(new ContentProblem(lessonsDir, 0, "is not a directory")));
        }
        Map<String, MarkdownPage> pagesByFile = new TreeMap<>();
        Path introductionFile = lessonsDir.resolve(INTRODUCTION);
        Optional<MarkdownPage> introduction = read(introductionFile)
                .flatMap(text -> MarkdownPageParser.parse(introductionFile, text, problems));
        introduction.ifPresent(page -> pagesByFile.put(INTRODUCTION, page));

        List<LessonSource> sources = new ArrayList<>();
        for (Path file : lessonFiles()) {
            Optional<FrontMatter.Split> split = read(file).flatMap(text -> FrontMatter.split(file, text, problems));
            if (split.isEmpty()) {
                continue;
            }
            Optional<FrontMatter> frontMatter = FrontMatter.read(file, split.get().yaml(), problems);
            Optional<MarkdownPage> page = MarkdownPageParser.parse(file, split.get().markdown(), problems);
            page.ifPresent(p -> pagesByFile.put(p.fileName(), p));
            if (frontMatter.isPresent() && page.isPresent()) {
                checkTitle(file, frontMatter.get(), page.get());
                sources.add(new LessonSource(file, frontMatter.get(), page.get()));
            }
        }
        checkUnique(sources, "id", FrontMatter::id);
        checkUnique(sources, "order", FrontMatter::order);

        Map<String, ExerciseManifest> exercises = exercises();
        List<Lesson> lessons = sources.stream()
                .map(source -> lesson(source, exercises))
                .sorted(Comparator.comparingInt(Lesson::order))
                .toList();
        checkExerciseLessons(exercises, sources);
        Set<String> files = LinkChecker.check(lessonsDir, pagesByFile, problems);

        if (!problems.isEmpty()) {
            throw new CourseContentException(problems);
        }
        return new Course(lessonsDir, introduction.orElseThrow(), lessons, files);
    }

    private List<Path> lessonFiles() throws CourseContentException {
        try (Stream<Path> files = Files.list(lessonsDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".md"))
                    .filter(file -> !file.getFileName().toString().equals(INTRODUCTION))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CourseContentException(List.of(new ContentProblem(lessonsDir, 0, "cannot be listed: " + e)));
        }
    }

    private Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            problems.add(new ContentProblem(file, 0, "cannot be read: " + e));
            return Optional.empty();
        }
    }

    /** The course map lists front-matter titles; the page shows its heading. They must not drift apart. */
    private void checkTitle(Path file, FrontMatter frontMatter, MarkdownPage page) {
        if (!frontMatter.title().equals(page.title())) {
            problems.add(new ContentProblem(file, frontMatter.yaml().line("title"), "front matter: title: \""
                    + frontMatter.title() + "\" differs from the page's heading \"" + page.title() + "\""));
        }
    }

    private <T> void checkUnique(List<LessonSource> sources, String key, Function<FrontMatter, T> value) {
        Map<T, LessonSource> first = new HashMap<>();
        for (LessonSource source : sources) {
            LessonSource earlier = first.putIfAbsent(value.apply(source.frontMatter()), source);
            if (earlier != null) {
                problems.add(new ContentProblem(source.file(), source.frontMatter().yaml().line(key), "front matter: "
                        + key + ": " + value.apply(source.frontMatter()) + " is already the " + key + " of "
                        + earlier.file().getFileName()));
            }
        }
    }

    /** Every exercise of the exercises folder (each directory with an exercise.yaml), by id. */
    private Map<String, ExerciseManifest> exercises() {
        Map<String, ExerciseManifest> exercises = new TreeMap<>();
        if (!Files.isDirectory(exercisesDir)) {
            return exercises;
        }
        try (Stream<Path> dirs = Files.list(exercisesDir)) {
            for (Path dir : dirs.filter(this::hasManifest).sorted().toList()) {
                try {
                    Exercise exercise = Exercise.load(dir);
                    exercises.put(exercise.id(), exercise.manifest());
                } catch (YamlException e) {
                    problems.add(ContentProblem.of(dir.resolve(ManifestReader.FILE_NAME), "exercise", e));
                }
            }
        } catch (IOException e) {
            problems.add(new ContentProblem(exercisesDir, 0, "cannot be listed: " + e));
        }
        return exercises;
    }

    private boolean hasManifest(Path dir) {
        return Files.isRegularFile(dir.resolve(ManifestReader.FILE_NAME));
    }

    private Lesson lesson(LessonSource source, Map<String, ExerciseManifest> exercises) {
        FrontMatter frontMatter = source.frontMatter();
        int line = frontMatter.yaml().line("exercises");
        List<LessonExercise> resolved = new ArrayList<>();
        for (String id : frontMatter.exercises()) {
            ExerciseManifest manifest = exercises.get(id);
            if (manifest == null) {
                // A manifest that exists but does not load has been reported already.
                if (!hasManifest(exercisesDir.resolve(id))) {
                    problems.add(new ContentProblem(source.file(), line, "front matter: exercises: there is no exercise \""
                            + id + "\" (no " + exercisesDir.getFileName() + "/" + id + "/" + ManifestReader.FILE_NAME + ")"));
                }
            } else if (!manifest.lesson().equals(frontMatter.id())) {
                problems.add(new ContentProblem(source.file(), line, "front matter: exercises: exercise \"" + id
                        + "\" belongs to lesson \"" + manifest.lesson() + "\" (its " + ManifestReader.FILE_NAME
                        + " says so), not to \"" + frontMatter.id() + "\""));
            } else {
                resolved.add(LessonExercise.of(manifest));
            }
        }
        return new Lesson(frontMatter.id(), frontMatter.title(), frontMatter.order(), frontMatter.estimatedMinutes(),
                resolved, source.page());
    }

    /** An exercise's {@code lesson:} must name a lesson, and that lesson must list the exercise. */
    private void checkExerciseLessons(Map<String, ExerciseManifest> exercises, List<LessonSource> sources) {
        Map<String, FrontMatter> lessonsById = sources.stream()
                .collect(Collectors.toMap(source -> source.frontMatter().id(), LessonSource::frontMatter, (a, b) -> a));
        for (ExerciseManifest exercise : exercises.values()) {
            FrontMatter lesson = lessonsById.get(exercise.lesson());
            if (lesson == null) {
                manifestProblem(exercise, "there is no lesson \"" + exercise.lesson() + "\" in "
                        + lessonsDir.getFileName() + "/");
            } else if (!lesson.exercises().contains(exercise.id())) {
                manifestProblem(exercise, "lesson \"" + lesson.id() + "\" does not list this exercise"
                        + " in the 'exercises' of its front matter");
            }
        }
    }

    private void manifestProblem(ExerciseManifest exercise, String reason) {
        Path file = exercisesDir.resolve(exercise.id()).resolve(ManifestReader.FILE_NAME);
        problems.add(new ContentProblem(file, lessonLine(file), "exercise: lesson: " + reason));
    }

    /** The grader's manifest has no line numbers, so the problem's line comes from the YAML itself. */
    private static int lessonLine(Path manifest) {
        try {
            return YamlMap.parse(manifest.toString(), Files.readString(manifest, StandardCharsets.UTF_8)).line("lesson");
        } catch (IOException | YamlException e) {
            return 0; // it loaded a moment ago; the problem is still worth reporting without a line
        }
    }
}
