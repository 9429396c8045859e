package dev.hotpath.grader.profile;

import java.util.List;

/**
 * What one profiling run of an exercise's benchmark workload recorded: a {@link FlameGraph} per
 * {@link ProfileView}, in the enum's order.
 *
 * @param recordedMillis how long the recording ran
 * @param recordingBytes the size of the JFR file it was read from
 */
public record Profile(long recordedMillis, long recordingBytes, List<FlameGraph> graphs) {

    public Profile {
        graphs = List.copyOf(graphs);
    }

    public FlameGraph graph(ProfileView view) {
        return graphs.stream().filter(graph -> graph.view() == view).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("this profile has no " + view.id() + " view"));
    }
}
