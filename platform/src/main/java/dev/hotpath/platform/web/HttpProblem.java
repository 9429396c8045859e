package dev.hotpath.platform.web;

/**
 * A request that cannot be served, with the status and the message the person (or the API client)
 * sees. Handlers throw it; {@link ErrorResponses} renders it as a page or as JSON.
 */
final class HttpProblem extends RuntimeException {

    private final int status;

    HttpProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    static HttpProblem badRequest(String message) {
        return new HttpProblem(400, message);
    }

    static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }

    static HttpProblem forbidden(String message) {
        return new HttpProblem(403, message);
    }

    int status() {
        return status;
    }
}
