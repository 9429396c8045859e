package dev.hotpath.cachekey;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.Page;
import dev.hotpath.cachekey.origin.PageSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The cache's reference model: a cache is right when every request gets exactly what a second,
 * cache-less origin says (the origin is the authority on its URL rules), in the product's current
 * version, or the origin's IllegalArgumentException for a URL it rejects. Sequences of requests and
 * product changes are checked step by step, and a failing sequence is shrunk to the smallest one
 * that still fails, so the message shows the mistake and nothing else.
 */
final class Model {

    /** One step of a sequence: a request, or a product change (update, then purge). */
    sealed interface Step permits Get, Change {
    }

    record Get(UrlGrammar.Url url) implements Step {
        @Override
        public String toString() {
            return "get(\"" + url + "\")";
        }
    }

    record Change(String sku) implements Step {
        @Override
        public String toString() {
            return "the product \"" + sku + "\" changes; purge(\"" + sku + "\")";
        }
    }

    private Model() {
    }

    /** What the origin's rules make of {@code url}: its page, or empty if the origin rejects it. */
    static Optional<PageSpec> specOf(String url) {
        try {
            return Optional.of(new Origin(0, Duration.ZERO).render(url).spec());
        } catch (IllegalArgumentException rejected) {
            return Optional.empty();
        }
    }

    /** Runs {@code steps} against a fresh cache of {@code capacity}; the first problem, if any. */
    static Optional<String> check(List<Step> steps, int capacity) {
        Origin origin = new Origin(0, Duration.ZERO);
        PageCache cache = new PageCache(origin, capacity);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step instanceof Change change) {
                origin.update(change.sku());
                cache.purge(change.sku());
                continue;
            }
            String url = ((Get) step).url().text();
            Optional<String> problem = served(cache, origin, url);
            if (problem.isPresent()) {
                return Optional.of("step " + (i + 1) + ", " + step + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** What is wrong with how {@code cache} answers {@code url} right now, if anything. */
    static Optional<String> served(PageCache cache, Origin origin, String url) {
        Optional<PageSpec> expected = specOf(url);
        Page page;
        try {
            page = cache.get(url);
        } catch (IllegalArgumentException e) {
            return expected.map(spec -> "threw " + e + ", but the origin renders this URL as " + spec);
        } catch (RuntimeException e) {
            return Optional.of("threw " + e + (expected.isPresent() ? "; its page is " + expected.get()
                    : "; the origin rejects this URL with an IllegalArgumentException"));
        }
        if (expected.isEmpty()) {
            return Optional.of("the origin rejects this URL (IllegalArgumentException), but the cache served "
                    + (page == null ? "null" : "the page for " + page.spec()));
        }
        if (page == null) {
            return Optional.of("the cache returned null; its page is " + expected.get());
        }
        if (!page.renderedBy(origin)) {
            return Optional.of("the cache returned a page its own origin never rendered");
        }
        if (!page.spec().equals(expected.get())) {
            return Optional.of("served the page for " + page.spec() + ", but by the origin's rules this URL's page is "
                    + expected.get());
        }
        int current = origin.version(page.spec().sku());
        if (page.version() != current) {
            return Optional.of("served version " + page.version() + " of \"" + page.spec().sku()
                    + "\", but the product changed and was purged: the current version is " + current);
        }
        return Optional.empty();
    }

    /**
     * The smallest sub-sequence of {@code failing} (steps removed in ever smaller chunks, then each
     * remaining step simplified) for which {@code fails} still holds; stops shrinking at the deadline.
     */
    static <T> List<T> shrink(List<T> failing, Predicate<List<T>> fails, Function<T, List<T>> simpler,
                              long deadlineNanos) {
        List<T> current = new ArrayList<>(failing);
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1 && System.nanoTime() < deadlineNanos; chunk /= 2) {
            for (int start = 0; start < current.size() && System.nanoTime() < deadlineNanos; ) {
                List<T> candidate = new ArrayList<>(current.subList(0, start));
                candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                if (!candidate.isEmpty() && fails.test(candidate)) {
                    current = candidate;
                } else {
                    start += chunk;
                }
            }
        }
        boolean progress = true;
        while (progress && System.nanoTime() < deadlineNanos) {
            progress = false;
            for (int i = 0; i < current.size() && !progress; i++) {
                for (T smaller : simpler.apply(current.get(i))) {
                    List<T> candidate = new ArrayList<>(current);
                    candidate.set(i, smaller);
                    if (fails.test(candidate)) {
                        current = candidate;
                        progress = true;
                        break;
                    }
                }
            }
        }
        return current;
    }

    static List<Step> simpler(Step step) {
        if (step instanceof Get get) {
            return get.url().simpler().stream().<Step>map(Get::new).toList();
        }
        return List.of();
    }
}
