package dev.hotpath.cdn.origin;

/**
 * A client's request as one edge location receives it.
 *
 * @param edge           the edge location (0 to edges - 1) the client's DNS picked
 * @param at             when it arrives, in milliseconds of simulated time; never earlier than the request before it
 * @param path           e.g. {@code /products/17}, {@code /account}, {@code /static/app.js}
 * @param acceptLanguage the {@code Accept-Language} header as the browser sent it ("" when absent)
 * @param cookie         the {@code Cookie} header as the browser sent it ("" when absent)
 */
public record Request(int edge, long at, String path, String acceptLanguage, String cookie) {

    public Request {
        if (edge < 0 || at < 0 || path == null || acceptLanguage == null || cookie == null) {
            throw new IllegalArgumentException("a request needs an edge >= 0, a time >= 0, a path and two headers (may be empty)");
        }
    }
}
