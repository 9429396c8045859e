package dev.hotpath.grader.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON report keeps the field names docs/report-schema.md documents. */
class ReportJsonTest {

    private final GradeReport report = new GradeReport(GradeReport.SCHEMA, "demo", Verdict.FAIL, "Not fast enough.", false,
            1234, List.of(new StageResult(Stage.COMPILE, StageResult.Status.PASSED, 10, "compiled")),
            List.of(new CompileError("src/main/java/A.java", 3, 7, "';' expected")),
            List.of(new TestResult("[engine:junit-jupiter]/[class:x.T]/[method:t()]", "x.T", "t", "T › t", true,
                    TestResult.Status.FAILED, "boom", 12)),
            List.of(new MetricResult("calls", "Calls made", "calls", Direction.LOWER, 100, 80, 0.8, 0.8, 0.8, 1, 0.5,
                            MetricResult.Outcome.MISSED, List.of(100.0), List.of(80.0),
                            Optional.of("your cache made 29,002 different keys for 3,837 different pages")),
                    new MetricResult("throughput", "Requests per second", "requests/s", Direction.HIGHER, 10, 30, 3, 2.5,
                            3.5, 0.95, 2.4, MetricResult.Outcome.CLEARED, List.of(10.0), List.of(30.0), Optional.empty())),
            "printed", "a hint", new MeasurementConditions(42, 5, 100, 10, 0.95, 0.5, 0.7, 0.02, 0));

    @Test
    void usesTheDocumentedFieldNames() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportJson.write(report));

        assertThat(json.fieldNames()).toIterable().containsExactly("schema", "exercise", "verdict", "summary", "sandboxed",
                "totalMillis", "stages", "compileErrors", "tests", "performance", "output", "hint", "measurement");
        assertThat(json.get("schema").asText()).isEqualTo("hotpath-report/2");
        assertThat(json.get("stages").get(0).fieldNames()).toIterable().containsExactly("name", "status", "millis", "message");
        assertThat(json.get("compileErrors").get(0).fieldNames()).toIterable()
                .containsExactly("file", "line", "column", "message");
        assertThat(json.get("tests").get(0).fieldNames()).toIterable().containsExactly("id", "className", "method", "name",
                "hidden", "status", "message", "millis");
        assertThat(json.get("performance").get(0).fieldNames()).toIterable().containsExactly("metric", "description", "unit",
                "direction", "starter", "submission", "ratio", "ratioLow", "ratioHigh", "confidence", "threshold", "outcome",
                "starterSamples", "submissionSamples", "diagnostic");
        assertThat(json.get("stages").get(0).get("name").asText()).isEqualTo("compile");
        assertThat(json.get("performance").get(0).get("direction").asText()).isEqualTo("lower");
        assertThat(json.get("performance").get(0).get("diagnostic").asText())
                .isEqualTo("your cache made 29,002 different keys for 3,837 different pages");
        // Additive: a metric without a diagnostic has no such field, as in reports written before it existed.
        assertThat(json.get("performance").get(1).has("diagnostic")).isFalse();
    }

    @Test
    void readsReportsWrittenBeforeDiagnosticsExisted() throws Exception {
        String older = ReportJson.write(report).replace(
                ",\n    \"diagnostic\" : \"your cache made 29,002 different keys for 3,837 different pages\"", "");

        assertThat(older).doesNotContain("diagnostic");
        assertThat(ReportJson.read(older).performance().get(0).diagnostic()).isEmpty();
    }

    @Test
    void readsReportsOfANewerGraderWithAFieldItDoesNotKnow() throws Exception {
        String newer = ReportJson.write(report).replace("\"hint\" :", "\"advice\" : \"added later\",\n  \"hint\" :");

        assertThat(newer).contains("advice");
        assertThat(ReportJson.read(newer)).isEqualTo(report);
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        assertThat(ReportJson.read(ReportJson.write(report))).isEqualTo(report);
    }
}
