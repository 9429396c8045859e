package dev.hotpath.platform.db;

import java.time.Instant;
import java.util.Optional;

/** The latest validation of each exercise, as the JSON of the grader's {@code ValidationReport}. */
public final class ValidationRepository {

    /** A stored validation. */
    public record StoredValidation(String exerciseId, boolean passed, String reportJson, Instant validatedAt) {
    }

    private final Sql sql;

    public ValidationRepository(Sql sql) {
        this.sql = sql;
    }

    /** Replaces the exercise's previous validation. */
    public void save(String exerciseId, boolean passed, String reportJson, Instant validatedAt) {
        sql.transaction(tx -> {
            tx.update("DELETE FROM exercise_validations WHERE exercise_id = ?", exerciseId);
            return tx.update("INSERT INTO exercise_validations (exercise_id, passed, report_json, validated_at) VALUES (?, ?, ?, ?)",
                    exerciseId, passed, reportJson, validatedAt);
        });
    }

    public Optional<StoredValidation> find(String exerciseId) {
        return sql.one("SELECT exercise_id, passed, report_json, validated_at FROM exercise_validations WHERE exercise_id = ?",
                row -> new StoredValidation(row.getString("exercise_id"), row.getBoolean("passed"),
                        row.getString("report_json"), row.getRequiredInstant("validated_at")), exerciseId);
    }
}
