package dev.hotpath.grader.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The submission's profile beside the starter's, with what changed most between them.
 *
 * @param exercise     the exercise id
 * @param yourClasses  the classes compiled from the learner's editable files, to tell them apart in the graphs
 * @param changes      per view, the frames whose share moved most, largest move first
 */
public record ProfileComparison(String exercise, List<String> yourClasses, Profile starter, Profile submission,
                                List<FrameShift> changes) {

    /** How many frames "what changed" lists per view. */
    static final int CHANGES_PER_VIEW = 5;
    /** Moves smaller than this (one percentage point) are noise between two short recordings. */
    static final double SMALLEST_CHANGE = 0.01;

    /**
     * One frame whose share of a view moved between the starter and the submission.
     *
     * @param starterShare    inclusive share (0..1) of the view in the starter's profile
     * @param submissionShare the same in the submission's profile
     */
    public record FrameShift(ProfileView view, String frame, double starterShare, double submissionShare) {

        public double change() {
            return submissionShare - starterShare;
        }
    }

    public ProfileComparison {
        yourClasses = List.copyOf(yourClasses);
        changes = List.copyOf(changes);
    }

    public static ProfileComparison of(String exercise, List<String> yourClasses, Profile starter, Profile submission) {
        List<FrameShift> changes = new ArrayList<>();
        for (ProfileView view : ProfileView.values()) {
            Map<String, Double> before = starter.graph(view).shares();
            Map<String, Double> after = submission.graph(view).shares();
            Set<String> frames = new LinkedHashSet<>(before.keySet());
            frames.addAll(after.keySet());
            frames.stream()
                    .map(frame -> new FrameShift(view, frame, before.getOrDefault(frame, 0.0),
                            after.getOrDefault(frame, 0.0)))
                    .filter(shift -> Math.abs(shift.change()) >= SMALLEST_CHANGE)
                    .sorted(Comparator.comparingDouble((FrameShift shift) -> -Math.abs(shift.change()))
                            .thenComparing(FrameShift::frame))
                    .limit(CHANGES_PER_VIEW)
                    .forEach(changes::add);
        }
        return new ProfileComparison(exercise, yourClasses, starter, submission, changes);
    }
}
