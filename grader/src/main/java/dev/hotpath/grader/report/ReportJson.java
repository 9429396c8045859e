package dev.hotpath.grader.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads and writes {@link GradeReport}s in the JSON format documented in docs/report-schema.md. */
public final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static String write(GradeReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a grade report could not be written as JSON", e);
        }
    }

    public static GradeReport read(String json) throws JsonProcessingException {
        return JSON.readValue(json, GradeReport.class);
    }
}
