package dev.hotpath.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.util.Locale;

/** JSON for the API and the event stream, written and read with one Jackson mapper. */
final class ApiJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    static void respond(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(write(value));
    }

    /** The request's body as a JSON object. @throws HttpProblem 415 or 400 with what is wrong */
    static JsonNode readObject(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(415, "Send the request body as JSON, with Content-Type: application/json.");
        }
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw HttpProblem.badRequest("The request body must be a JSON object.");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw HttpProblem.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
