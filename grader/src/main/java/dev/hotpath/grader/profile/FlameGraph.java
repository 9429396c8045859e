package dev.hotpath.grader.profile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * One view of a profile as collapsed stacks: each stack is a path of frame indices into
 * {@code frames}, root first, with the weight of the samples that ended there ({@link ProfileView#unit()}).
 * Indices keep the model small: the same frames recur in thousands of stacks.
 *
 * @param total    the weight of every sample recorded
 * @param excluded the weight of samples outside the exercise's code (harness and runtime threads), not in {@code stacks}
 */
public record FlameGraph(ProfileView view, long total, long excluded, List<String> frames, List<Stack> stacks) {

    /** One collapsed stack: frame indices, root first, and its weight. */
    public record Stack(List<Integer> path, long weight) {

        public Stack {
            path = List.copyOf(path);
        }
    }

    public FlameGraph {
        frames = List.copyOf(frames);
        stacks = List.copyOf(stacks);
    }

    /** The weight of the stacks drawn: the exercise's code, the 100% every share is of. */
    public long drawn() {
        return total - excluded;
    }

    /** Per frame, the share of {@link #drawn()} whose stacks pass through it (inclusive, counted once per stack). */
    public Map<String, Double> shares() {
        long[] weights = new long[frames.size()];
        for (Stack stack : stacks) {
            for (int index : new HashSet<>(stack.path())) {
                weights[index] += stack.weight();
            }
        }
        Map<String, Double> shares = new HashMap<>();
        for (int i = 0; i < weights.length; i++) {
            shares.put(frames.get(i), drawn() == 0 ? 0 : (double) weights[i] / drawn());
        }
        return shares;
    }
}
