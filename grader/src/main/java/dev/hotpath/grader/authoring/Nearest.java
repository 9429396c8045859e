package dev.hotpath.grader.authoring;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean": the candidate closest to a misspelled name, by edit distance. */
final class Nearest {

    private Nearest() {
    }

    /** The closest candidate, if it is close enough to be a likely misspelling. */
    static Optional<String> to(String wanted, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(wanted, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(3, wanted.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** ", did you mean X?" or nothing. */
    static String suggestion(String wanted, Collection<String> candidates) {
        return to(wanted, candidates).map(name -> " (did you mean " + name + "?)").orElse("");
    }
}
