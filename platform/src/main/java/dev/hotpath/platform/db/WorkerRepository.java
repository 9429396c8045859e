package dev.hotpath.platform.db;

import java.time.Instant;
import java.util.List;

/**
 * The processes that grade, as the database sees them: each registers, beats while it runs and says when it
 * stops. {@link DashboardRepository} shows them to operators.
 */
public final class WorkerRepository {

    private final Sql sql;

    public WorkerRepository(Sql sql) {
        this.sql = sql;
    }

    public void register(String id, String host, long pid, int slots, Instant now) {
        sql.update("INSERT INTO workers (id, host, pid, slots, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?)",
                id, host, pid, slots, now, now);
    }

    public void stopped(String id, Instant now) {
        sql.update("UPDATE workers SET stopped_at = ? WHERE id = ?", now, id);
    }

    /** A worker as its host can check it: a process id. */
    public record Registered(String id, long pid) {
    }

    /** Workers registered on {@code host} and not marked stopped: a restarted process checks which still run. */
    public List<Registered> runningOn(String host) {
        return sql.list("SELECT id, pid FROM workers WHERE host = ? AND stopped_at IS NULL",
                row -> new Registered(row.getString("id"), row.getLong("pid")), host);
    }

    /**
     * Ends the leases of a worker known to be dead (its process is gone from this host), so that what it was
     * grading is recovered at once rather than when the lease would have run out.
     */
    public int expireLeasesOf(String id, Instant now) {
        sql.update("UPDATE workers SET stopped_at = ? WHERE id = ? AND stopped_at IS NULL", now, id);
        return sql.update("UPDATE submissions SET lease_expires_at = ? WHERE worker_id = ? AND state = 'RUNNING'",
                now.minusMillis(1), id);
    }
}
