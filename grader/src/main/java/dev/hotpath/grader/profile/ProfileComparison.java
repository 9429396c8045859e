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
    /**
     * Moves smaller than this (five percentage points) are within the noise of two short recordings:
     * with a few hundred samples, a share of one half varies by about that much from run to run.
     */
    static final double SMALLEST_CHANGE = 0.05;

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

    /**
     * A caller and its callee move together: of frames that moved by nearly the same amount, keeps the
     * one with the smallest share (the callee, the most specific), so the list names different places.
     */
    private static List<FrameShift> mostSpecific(List<FrameShift> moved) {
        List<FrameShift> kept = new ArrayList<>();
        for (FrameShift shift : moved) {
            int twin = -1;
            for (int i = 0; i < kept.size(); i++) {
                double other = kept.get(i).change();
                if (Math.signum(other) == Math.signum(shift.change())
                        && Math.abs(other - shift.change()) <= 0.1 * Math.abs(other)) {
                    twin = i;
                    break;
                }
            }
            if (twin < 0) {
                if (kept.size() < CHANGES_PER_VIEW) {
                    kept.add(shift);
                }
            } else if (largest(shift) < largest(kept.get(twin))) {
                kept.set(twin, shift);
            }
        }
        return kept;
    }

    private static double largest(FrameShift shift) {
        return Math.max(shift.starterShare(), shift.submissionShare());
    }

    public static ProfileComparison of(String exercise, List<String> yourClasses, Profile starter, Profile submission) {
        List<FrameShift> changes = new ArrayList<>();
        for (ProfileView view : ProfileView.values()) {
            Map<String, Double> before = starter.graph(view).shares();
            Map<String, Double> after = submission.graph(view).shares();
            Set<String> frames = new LinkedHashSet<>(before.keySet());
            frames.addAll(after.keySet());
            List<FrameShift> moved = frames.stream()
                    .map(frame -> new FrameShift(view, frame, before.getOrDefault(frame, 0.0),
                            after.getOrDefault(frame, 0.0)))
                    .filter(shift -> Math.abs(shift.change()) >= SMALLEST_CHANGE)
                    .sorted(Comparator.comparingDouble((FrameShift shift) -> -Math.abs(shift.change()))
                            .thenComparing(FrameShift::frame))
                    .toList();
            changes.addAll(mostSpecific(moved));
        }
        return new ProfileComparison(exercise, yourClasses, starter, submission, changes);
    }
}
