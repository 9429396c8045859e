package dev.hotpath.cdn.workload;

import dev.hotpath.cdn.Cdn;
import dev.hotpath.cdn.origin.Origin;
import dev.hotpath.cdn.origin.Request;
import dev.hotpath.cdn.origin.Response;
import dev.hotpath.cdn.workload.TrafficStream.Arrival;
import dev.hotpath.cdn.workload.TrafficStream.Event;
import dev.hotpath.cdn.workload.TrafficStream.Update;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Plays a {@link TrafficStream} through one {@link Cdn} in front of one {@link Origin}, checking every
 * response it gets back. At the end of the stream it starts again from cold, with a new origin and a
 * new CDN. The counter probe, the benchmark and the tests all use it, so a CDN that is cheap because it
 * answers wrongly is caught wherever it is measured.
 */
public final class Replay {

    private final List<Event> events;
    private final IntFunction<Origin> newOrigin;
    private Origin origin;
    private Cdn cdn;
    private int round;
    private int position;
    private long served;
    private long checksum;

    /** @param newOrigin makes the origin of each round, given the round's number (0, 1, ...) */
    public Replay(TrafficStream stream, IntFunction<Origin> newOrigin) {
        this.events = stream.events();
        this.newOrigin = newOrigin;
        startRound(0);
    }

    /**
     * Serves the next {@code requests} requests, applying updates and purges between them.
     *
     * @return a checksum of every response served so far
     * @throws IllegalStateException if the CDN answers a request with a wrong or stale response
     */
    public long serve(int requests) {
        for (int done = 0; done < requests; ) {
            if (position == events.size()) {
                startRound(round + 1);
            }
            Event event = events.get(position++);
            if (event instanceof Arrival arrival) {
                served++;
                Response response = cdn.get(arrival.request());
                check(origin, arrival.request(), response, "request #" + served);
                checksum = checksum * 31 + response.fingerprint();
                done++;
            } else {
                Update update = (Update) event;
                origin.update(update.path());
                cdn.purge(update.path(), update.at());
            }
        }
        return checksum;
    }

    /** Fetches from the origin of the current round. */
    public long originFetches() {
        return origin.fetches();
    }

    /**
     * The CDN's answer must be what the origin renders for this request now, within its freshness.
     *
     * @param where how to name the request in the message
     * @throws IllegalStateException naming the property that broke
     */
    public static void check(Origin origin, Request request, Response response, String where) {
        String at = where + " (" + request.path() + " at edge " + request.edge() + ", " + request.at() + " ms, Accept-Language \""
                + request.acceptLanguage() + "\", Cookie \"" + request.cookie() + "\")";
        if (response == null) {
            throw new IllegalStateException(at + ": the CDN answered null");
        }
        if (!response.renderedBy(origin)) {
            throw new IllegalStateException(at + ": the CDN answered with a response its own origin never rendered");
        }
        if (!response.path().equals(request.path())) {
            throw new IllegalStateException(at + ": the CDN answered with " + response.path());
        }
        String language = response.vary().contains("Accept-Language") ? Origin.language(request.acceptLanguage()) : "";
        if (!response.language().equals(language)) {
            throw new IllegalStateException(at + ": this client reads " + language + ", but the CDN served the "
                    + response.language() + " page");
        }
        String user = response.vary().contains("Cookie") ? Origin.user(request.cookie()) : "";
        if (!response.user().equals(user)) {
            throw new IllegalStateException(at + ": the CDN served the page personalised for "
                    + (response.user().isEmpty() ? "an anonymous visitor" : "user " + response.user()) + " to "
                    + (user.isEmpty() ? "an anonymous visitor" : "user " + user));
        }
        int current = origin.version(request.path());
        if (response.version() != current) {
            throw new IllegalStateException(at + ": stale after purge: the CDN served version " + response.version()
                    + " after the page changed to version " + current + " and was purged");
        }
        long age = request.at() - response.renderedAt();
        long limit = response.maxAgeMillis() + response.staleWhileRevalidateMillis();
        if (age > limit) {
            throw new IllegalStateException(at + ": the CDN served a copy " + age + " ms old; max-age plus"
                    + " stale-while-revalidate allow " + limit + " ms");
        }
    }

    private void startRound(int round) {
        this.round = round;
        origin = newOrigin.apply(round);
        cdn = new Cdn(origin, TrafficStream.EDGES);
        position = 0;
    }
}
