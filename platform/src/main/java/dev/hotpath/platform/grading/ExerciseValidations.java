package dev.hotpath.platform.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotpath.grader.ValidationReport;
import dev.hotpath.grader.exercise.Exercise;
import dev.hotpath.platform.db.ValidationRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The instructors' check that each exercise works on this machine: the grader's {@code Validator}
 * grades the starter (must pass every test and miss every threshold), the reference solution (must
 * pass) and every trap (must be caught). Validations run one at a time in the background, sharing
 * the grader, so their measurements queue with the learners' and never overlap them. The latest
 * result of each exercise is stored; one cut short by a restart is simply not there.
 */
public final class ExerciseValidations implements AutoCloseable {

    /** The latest stored validation of an exercise. */
    public record Result(ValidationReport report, Instant validatedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(ExerciseValidations.class.getName());

    private final ValidationRepository repository;
    private final Function<Exercise, ValidationReport> validator;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "exercise-validation");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Instant> running = new ConcurrentHashMap<>();

    /** @param validator the grader's {@code Validator::validate} in production */
    public ExerciseValidations(ValidationRepository repository, Function<Exercise, ValidationReport> validator,
                               Clock clock) {
        this.repository = repository;
        this.validator = validator;
        this.clock = clock;
    }

    /** Starts validating {@code exercise} unless it is being validated already; returns at once. */
    public void start(Exercise exercise) {
        if (running.putIfAbsent(exercise.id(), clock.instant()) != null) {
            return;
        }
        executor.execute(() -> {
            try {
                ValidationReport report = validator.apply(exercise);
                repository.save(exercise.id(), report.passed(), JSON.writeValueAsString(report), clock.instant());
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.log(Level.SEVERE, "validating " + exercise.id() + " failed", e);
            } finally {
                running.remove(exercise.id());
            }
        });
    }

    /** Since when the exercise is being validated, if it is. */
    public Optional<Instant> runningSince(String exerciseId) {
        return Optional.ofNullable(running.get(exerciseId));
    }

    public Optional<Result> latest(String exerciseId) {
        return repository.find(exerciseId).map(stored -> {
            try {
                return new Result(JSON.readValue(stored.reportJson(), ValidationReport.class), stored.validatedAt());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the stored validation of " + exerciseId + " is not readable", e);
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
