package dev.hotpath.grader.profile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileComparisonTest {

    @Test
    void whatChangedListsTheFramesWhoseInclusiveShareMovedMostAndSurvivesJson() throws Exception {
        Profile starter = profile(graph(List.of("B.serve", "Origin.render"), 90, "B.serve", 10));
        Profile yours = profile(graph(List.of("B.serve", "Cache.key"), 20, "B.serve", 80));

        ProfileComparison comparison = ProfileComparison.of("x", List.of("Cache"), starter, yours);

        assertThat(comparison.changes()).filteredOn(change -> change.view() == ProfileView.CPU)
                .extracting(ProfileComparison.FrameShift::frame).containsExactly("Origin.render", "Cache.key");
        assertThat(comparison.changes().get(0).starterShare()).isEqualTo(0.9);
        assertThat(comparison.changes().get(0).submissionShare()).isZero();
        assertThat(ProfileJson.readComparison(ProfileJson.write(comparison))).isEqualTo(comparison);
    }

    /** Two stacks: {@code path} with {@code weight}, and {@code alone} with {@code rest}. */
    private static FlameGraph graph(List<String> path, long weight, String alone, long rest) {
        return new FlameGraph(ProfileView.CPU, weight + rest, 0, path,
                List.of(new FlameGraph.Stack(List.of(0, 1), weight), new FlameGraph.Stack(List.of(path.indexOf(alone)), rest)));
    }

    private static Profile profile(FlameGraph cpu) {
        return new Profile(1000, 100, List.of(cpu, empty(ProfileView.ALLOCATION), empty(ProfileView.WAITING)));
    }

    private static FlameGraph empty(ProfileView view) {
        return new FlameGraph(view, 0, 0, List.of(), List.of());
    }
}
