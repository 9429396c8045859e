package dev.hotpath.cachekey.probe;

import dev.hotpath.cachekey.origin.Origin;
import dev.hotpath.cachekey.origin.Page;
import dev.hotpath.cachekey.origin.PageSpec;
import dev.hotpath.cachekey.workload.Replay;
import dev.hotpath.cachekey.workload.RequestStream;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Says why {@link OriginCallsProbe} counted what it counted, in the exercise's terms: serves the same
 * stream through the same cache, with an origin that notes which URLs reached it and which page each
 * one is. A cache that tells apart URLs naming the same page sends many different URLs per page; one
 * that forgets pages it should keep renders the same page again and again.
 */
public final class OriginCallsDiagnostic implements Supplier<String> {

    @Override
    public String get() {
        RequestStream stream = RequestStream.standard();
        NotingOrigin origin = new NotingOrigin();
        new Replay(stream, origin, Replay.CAPACITY).serve(stream.requests());
        long pagesAsked = stream.events().stream().filter(RequestStream.Request.class::isInstance)
                .map(event -> ((RequestStream.Request) event).expected()).distinct().count();
        return String.format(Locale.ROOT, "your cache sent %,d different URLs to the origin for %,d different pages"
                        + " (the stream asks for %,d pages); the origin rendered %,d times",
                origin.urls.size(), origin.pages.size(), pagesAsked, origin.calls());
    }

    /** The probe's origin (cheap renders, no latency), noting what reaches it. */
    private static final class NotingOrigin extends Origin {

        final Set<String> urls = ConcurrentHashMap.newKeySet();
        final Set<PageSpec> pages = ConcurrentHashMap.newKeySet();

        NotingOrigin() {
            super(10, Duration.ZERO);
        }

        @Override
        public Page render(String url) {
            Page page = super.render(url);
            urls.add(url);
            pages.add(page.spec());
            return page;
        }
    }
}
