package dev.hotpath.cdn;

import dev.hotpath.cdn.origin.Origin;
import dev.hotpath.cdn.origin.Request;
import dev.hotpath.cdn.origin.Response;
import dev.hotpath.cdn.workload.Replay;

import static org.junit.jupiter.api.Assertions.fail;

/** Asks the CDN and fails with the property that broke when its answer is wrong. */
final class Expect {

    private Expect() {
    }

    static Response serves(Cdn cdn, Origin origin, Request request) {
        Response response = cdn.get(request);
        try {
            Replay.check(origin, request, response, "the request");
        } catch (IllegalStateException wrong) {
            fail(wrong.getMessage());
        }
        return response;
    }
}
