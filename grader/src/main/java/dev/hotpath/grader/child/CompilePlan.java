package dev.hotpath.grader.child;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the compile JVM compiles. Like {@link MeasurePlan}, one class writes the program arguments
 * ({@link #toArgs()}) and reads them back in {@link CompileMain} ({@link #parse}).
 *
 * @param sources   the directory holding the submitted sources
 * @param classpath the exercise's classes to compile against
 * @param files     the sources' paths relative to {@code sources}
 */
public record CompilePlan(Path sources, Path classpath, List<String> files) {

    public CompilePlan {
        files = List.copyOf(files);
    }

    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of(sources.toString(), classpath.toString()));
        args.addAll(files);
        return args;
    }

    public static CompilePlan parse(String[] args) {
        return new CompilePlan(Path.of(args[0]), Path.of(args[1]), Arrays.asList(args).subList(2, args.length));
    }
}
