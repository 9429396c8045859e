package dev.hotpath.grader.authoring;

import dev.hotpath.grader.yaml.YamlException;
import dev.hotpath.grader.exercise.ManifestReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * {@code grader new}: writes a complete, minimal exercise from the templates in
 * {@code resources/dev/hotpath/grader/authoring/new-exercise} ({@code files.txt} lists them), adds its
 * {@code <module>} line to {@code exercises/pom.xml} and its id to the lesson's front matter. The
 * result passes {@code validate --check} once built; the author replaces the TODOs.
 */
public final class Scaffold {

    /** A value {@code new} refuses, with the reason. */
    public static final class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }

    /** What {@code new} wrote, relative to the repository. */
    public record Written(Path exerciseDir, List<String> files, List<String> edited) {
    }

    private static final String TEMPLATES = "/dev/hotpath/grader/authoring/new-exercise/";
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\w+)}}");
    private static final Pattern MODULE = Pattern.compile("(?m)^([ \\t]*)<module>[^<]*</module>[ \\t]*$");

    private Scaffold() {
    }

    /**
     * Writes exercise {@code id} of lesson {@code lessonId} with the editable class {@code className}
     * into the repository at {@code repository}.
     */
    public static Written create(Path repository, String id, String lessonId, String className)
            throws RefusedException, IOException {
        Path root = repository.toAbsolutePath().normalize();
        Path exercises = root.resolve("exercises");
        Path parentPom = exercises.resolve("pom.xml");
        if (!Files.isRegularFile(parentPom)) {
            throw new RefusedException(root + " is not a Hotpath repository: it has no exercises/pom.xml"
                    + " (run it from the repository's root, or name the root with --repository)");
        }
        if (!ManifestReader.ID.matcher(id).matches()) {
            throw new RefusedException("exercise id \"" + id + "\" must be lower-case words joined by dashes,"
                    + " e.g. string-concat");
        }
        Path dir = exercises.resolve(id);
        if (Files.exists(dir)) {
            throw new RefusedException("exercise \"" + id + "\" exists already: " + YamlException.displayName(dir));
        }
        String pom = Files.readString(parentPom, StandardCharsets.UTF_8);
        if (pom.contains("<module>" + id + "</module>")) {
            throw new RefusedException("exercise \"" + id + "\" exists already: " + YamlException.displayName(parentPom)
                    + " lists <module>" + id + "</module>");
        }
        List<Lessons.Lesson> lessons = Lessons.read(root.resolve("lessons"));
        Lessons.Lesson lesson = Lessons.find(lessons, lessonId).orElseThrow(() -> new RefusedException(
                "unknown lesson \"" + lessonId + "\"" + Nearest.suggestion(lessonId,
                        lessons.stream().map(Lessons.Lesson::id).toList()) + "; the lessons are: "
                        + String.join(", ", lessons.stream().map(Lessons.Lesson::id).toList())));
        int dot = className.lastIndexOf('.');
        if (!SourceVersion.isName(className) || dot < 0) {
            throw new RefusedException("class name \"" + className + "\" is not a fully qualified Java class name"
                    + " with a package, e.g. dev.hotpath.concat.ReportBuilder");
        }
        String simpleName = className.substring(dot + 1);
        if (!Character.isUpperCase(simpleName.charAt(0))) {
            throw new RefusedException("class name \"" + className + "\": the class's own name \"" + simpleName
                    + "\" must start with a capital letter, e.g. dev.hotpath.concat.ReportBuilder");
        }
        MatchResult lastModule = lastModule(pom).orElseThrow(() -> new RefusedException(
                YamlException.displayName(parentPom) + " has no <module> line to add \"" + id + "\" beside"));

        String packageName = className.substring(0, dot);
        Map<String, String> values = Map.of(
                "id", id,
                "title", Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('-', ' '),
                "lesson", lessonId,
                "lessonTitle", lesson.title(),
                "lessonFile", lesson.file().getFileName().toString(),
                "package", packageName,
                "packagePath", packageName.replace('.', '/'),
                "Class", simpleName,
                "seed", Long.toString(id.hashCode() & 0x7fff_ffffL));
        List<String> files = new ArrayList<>();
        for (String entry : template("files.txt").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
            String[] parts = entry.split("->", -1);
            String target = fill(parts[1].strip(), values);
            Path file = dir.resolve(target);
            Files.createDirectories(file.getParent());
            Files.writeString(file, fill(template(parts[0].strip()), values), StandardCharsets.UTF_8);
            files.add(root.relativize(file).toString());
        }
        Files.writeString(parentPom, pom.substring(0, lastModule.end()) + "\n" + lastModule.group(1) + "<module>" + id
                + "</module>" + pom.substring(lastModule.end()), StandardCharsets.UTF_8);
        Lessons.addExercise(lesson, id);
        return new Written(dir, files, List.of(root.relativize(parentPom).toString(),
                root.relativize(lesson.file()).toString()));
    }

    /** The last {@code <module>} line, whose indentation the new one copies. */
    private static Optional<MatchResult> lastModule(String pom) {
        return MODULE.matcher(pom).results().reduce((first, second) -> second);
    }

    private static String fill(String template, Map<String, String> values) {
        return VARIABLE.matcher(template).replaceAll(match -> {
            String value = values.get(match.group(1));
            if (value == null) {
                throw new IllegalStateException("template variable {{" + match.group(1) + "}} has no value");
            }
            return Matcher.quoteReplacement(value);
        });
    }

    private static String template(String name) {
        try (InputStream in = Scaffold.class.getResourceAsStream(TEMPLATES + name)) {
            if (in == null) {
                throw new IllegalStateException("the grader lacks its template " + TEMPLATES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
