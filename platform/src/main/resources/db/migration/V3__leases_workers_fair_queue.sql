-- Grading across machines: web nodes and grader workers share one database (PostgreSQL), so the queue's
-- bookkeeping lives here. Portable SQL, as in V1.

-- A verdict can be INCONCLUSIVE (report schema 2): the machine was too busy for a fair measurement.
ALTER TABLE submissions DROP CONSTRAINT submissions_verdict_known;
ALTER TABLE submissions ALTER COLUMN verdict SET DATA TYPE VARCHAR(16);
ALTER TABLE submissions ADD CONSTRAINT submissions_verdict_known
    CHECK (verdict IN ('PASS', 'FAIL', 'ERROR', 'INCONCLUSIVE'));

-- The worker grading a RUNNING submission owns it until lease_expires_at; its heartbeat extends the lease.
-- A lease that runs out means the worker died: the submission goes back to the queue.
ALTER TABLE submissions ADD COLUMN worker_id VARCHAR(200);
ALTER TABLE submissions ADD COLUMN lease_expires_at TIMESTAMP WITH TIME ZONE;
-- A QUEUED submission is not claimed before this time: the back-off of an inconclusive measurement.
ALTER TABLE submissions ADD COLUMN not_before TIMESTAMP WITH TIME ZONE;
-- How many gradings of this submission ended INCONCLUSIVE and were queued again.
ALTER TABLE submissions ADD COLUMN inconclusive_tries INTEGER DEFAULT 0 NOT NULL;
-- The address the submission came from: queue caps and fair order apply per address as per account.
ALTER TABLE submissions ADD COLUMN client_address VARCHAR(64) DEFAULT '' NOT NULL;
CREATE INDEX submissions_by_address ON submissions (client_address, state);
CREATE INDEX submissions_by_lease ON submissions (state, lease_expires_at);

-- Every process that grades (a worker, or a web node that also grades) and when it last beat.
CREATE TABLE workers (
    id           VARCHAR(200) PRIMARY KEY,
    host         VARCHAR(255) NOT NULL,
    pid          BIGINT NOT NULL,
    slots        INTEGER NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    stopped_at   TIMESTAMP WITH TIME ZONE
);

-- One row per claim of a submission: who graded it, when it measured, how the attempt ended. Operators read
-- lease expiries from it; the scale-out test checks from it that no two measurements overlapped on a host.
CREATE TABLE grading_attempts (
    submission_id      BIGINT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
    attempt            INTEGER NOT NULL,
    worker_id          VARCHAR(200) NOT NULL,
    host               VARCHAR(255) NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    measure_started_at TIMESTAMP WITH TIME ZONE,
    measure_ended_at   TIMESTAMP WITH TIME ZONE,
    ended_at           TIMESTAMP WITH TIME ZONE,
    outcome            VARCHAR(16),
    PRIMARY KEY (submission_id, attempt),
    CONSTRAINT grading_attempts_outcome_known
        CHECK (outcome IN ('VERDICT', 'INCONCLUSIVE', 'LEASE_EXPIRED', 'RELEASED', 'GIVEN_UP'))
);
CREATE INDEX grading_attempts_by_end ON grading_attempts (outcome, ended_at);

-- Admitting a submission (checking the caps, then storing it) holds this row's lock, so that two web nodes
-- cannot both admit the 51st submission of a full queue.
CREATE TABLE queue_admission (
    id INTEGER PRIMARY KEY
);
INSERT INTO queue_admission (id) VALUES (1);
