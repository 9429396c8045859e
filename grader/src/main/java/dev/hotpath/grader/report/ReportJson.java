package dev.hotpath.grader.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/** Reads and writes {@link GradeReport}s in the JSON format documented in docs/report-schema.md. */
public final class ReportJson {

    /** Fields it does not know are skipped: a report from a newer grader (an added field) still reads. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
