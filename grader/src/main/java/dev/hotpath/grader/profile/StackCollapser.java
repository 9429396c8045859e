package dev.hotpath.grader.profile;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns raw stacks into a {@link FlameGraph} a learner can read. Everything from the thread's start
 * through the benchmark harness (JMH, its generated stubs, the grader's runner) is cut, so each graph
 * starts at the exercise's benchmark method (the benchmark's set-up and tear-down are left out, like
 * JMH itself); reflection and lambda plumbing is dropped; JDK frames
 * between exercise frames stay, because they are often the point ({@code HashMap.resize},
 * {@code AbstractStringBuilder.ensureCapacityInternal}, {@code Unsafe.park}). Stacks that never pass
 * through the exercise's code (JMH's control threads waiting for its workers) are counted as excluded.
 */
final class StackCollapser {

    /** Beyond this many distinct stacks per view, the lightest are merged at a shallow depth. */
    static final int MAX_STACKS = 1500;
    static final int MERGED_DEPTH = 3;
    /** Frames kept per stack after the harness is cut; deeper stacks keep their root side. */
    static final int MAX_DEPTH = 96;
    static final String MERGED = "(lighter stacks, merged)";

    private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda\\$\\d+(/0x[0-9a-f]+)?");
    private static final Pattern HIDDEN = Pattern.compile("/0x[0-9a-f]+");

    private final ProfileView view;
    private final List<String> exercisePackages;
    private final Map<List<String>, long[]> weights = new HashMap<>();
    private long total;
    private long excluded;

    /** @param exercisePackages packages (with their subpackages) whose classes make a stack the exercise's */
    StackCollapser(ProfileView view, Set<String> exercisePackages) {
        this.view = view;
        this.exercisePackages = exercisePackages.stream().map(name -> name + ".").toList();
    }

    /**
     * Adds one sample.
     *
     * @param leafFirst frames as {@code class.method}, leaf first (as JFR lists them)
     * @param leaf      an extra leaf naming what was allocated or waited on, or null
     */
    void add(List<String> leafFirst, @Nullable String leaf, long weight) {
        if (weight <= 0) {
            return;
        }
        total += weight;
        int cut = leafFirst.size();
        for (int i = 0; i < leafFirst.size(); i++) {
            if (harness(leafFirst.get(i))) {
                cut = i;
                break;
            }
        }
        if (cut < leafFirst.size() && !leafFirst.get(cut).endsWith("_jmhStub")) {
            // Reached from JMH but not through its measuring loop: @Setup and @TearDown, not the workload.
            excluded += weight;
            return;
        }
        List<String> stack = new ArrayList<>();
        boolean exercise = false;
        for (int i = cut - 1; i >= 0 && stack.size() < MAX_DEPTH; i--) {
            String frame = leafFirst.get(i);
            if (plumbing(frame)) {
                continue;
            }
            String name = frameName(frame);
            exercise |= exercise(name);
            stack.add(name);
        }
        if (!exercise) {
            excluded += weight;
            return;
        }
        if (leaf != null) {
            stack.add(leaf);
        }
        weights.computeIfAbsent(stack, key -> new long[1])[0] += weight;
    }

    FlameGraph graph() {
        List<Map.Entry<List<String>, long[]>> sorted = new ArrayList<>(weights.entrySet());
        sorted.sort(Comparator.comparingLong((Map.Entry<List<String>, long[]> entry) -> -entry.getValue()[0])
                .thenComparing(entry -> String.join(";", entry.getKey())));
        Map<List<String>, Long> kept = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            List<String> stack = sorted.get(i).getKey();
            if (i >= MAX_STACKS) {
                List<String> shallow = new ArrayList<>(stack.subList(0, Math.min(MERGED_DEPTH, stack.size())));
                shallow.add(MERGED);
                stack = shallow;
            }
            kept.merge(stack, sorted.get(i).getValue()[0], Long::sum);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<FlameGraph.Stack> stacks = new ArrayList<>();
        kept.forEach((stack, weight) -> stacks.add(new FlameGraph.Stack(
                stack.stream().map(frame -> index.computeIfAbsent(frame, key -> index.size())).toList(), weight)));
        return new FlameGraph(view, total, excluded, List.copyOf(index.keySet()), stacks);
    }

    private boolean exercise(String frame) {
        for (String prefix : exercisePackages) {
            if (frame.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** JMH, its generated code, and the grader's own runner: the same in every profile, so cut away. */
    static boolean harness(String frame) {
        return frame.startsWith("org.openjdk.jmh.") || frame.contains(".jmh_generated.") || frame.contains("_jmhTest.")
                || frame.startsWith("dev.hotpath.grader.child.");
    }

    /** Frames that only forward a call: reflection and method-handle adapters. */
    static boolean plumbing(String frame) {
        return frame.startsWith("jdk.internal.reflect.") || frame.startsWith("java.lang.invoke.")
                || frame.startsWith("sun.reflect.") || frame.startsWith("java.lang.reflect.Method.");
    }

    /** Lambda classes get a number per JVM run; without it, the starter's and the submission's frames match. */
    static String frameName(String frame) {
        return HIDDEN.matcher(LAMBDA.matcher(frame).replaceAll("\\$\\$Lambda")).replaceAll("");
    }
}
