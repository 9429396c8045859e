package dev.hotpath.grader.child;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one profiling JVM runs under the flight recorder. Like {@link MeasurePlan}, one class writes the
 * program arguments ({@link #toArgs()}) and reads them back in {@link ProfileMain} ({@link #parse}).
 *
 * @param warmupIterations  JMH warm-up iterations per benchmark
 * @param iterations        JMH measured iterations per benchmark
 * @param iterationMillis   the length of one iteration
 * @param benchmarks        the JMH methods to run, in order
 */
public record ProfilePlan(int warmupIterations, int iterations, int iterationMillis, List<String> benchmarks) {

    public ProfilePlan {
        benchmarks = List.copyOf(benchmarks);
    }

    public List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of(String.valueOf(warmupIterations), String.valueOf(iterations),
                String.valueOf(iterationMillis)));
        args.addAll(benchmarks);
        return args;
    }

    public static ProfilePlan parse(String[] args) {
        return new ProfilePlan(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Arrays.asList(args).subList(3, args.length));
    }
}
