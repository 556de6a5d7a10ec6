package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.TransactionRunner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs work like a database transaction over the in-memory fakes: every enlisted
 * {@link TransactionalResource} is snapshotted when the outermost transaction begins and rolled
 * back to that snapshot when the work throws anything (a RuntimeException, an Error standing for a
 * killed process, ...). Nested calls join the running transaction, as the port promises.
 *
 * <p>Because the repositories store copies and hand out copies (like rows and entities), a change
 * to an aggregate that the work did not save is lost, and a rolled-back save is gone: exactly what
 * a crash test needs. External systems (the cloud provider) are deliberately not enlisted.
 */
public final class FakeTransactionRunner implements TransactionRunner {

    /** Thrown at commit time when {@link #failNextCommit()} was called: the database went away. */
    public static final class CommitFailedException extends RuntimeException {
        public CommitFailedException() {
            super("simulated commit failure");
        }
    }

    private final List<TransactionalResource> resources = new ArrayList<>();
    private int depth;
    private int commitsToFail;
    private int commits;
    private int rollbacks;

    public FakeTransactionRunner enlist(TransactionalResource... toEnlist) {
        resources.addAll(List.of(toEnlist));
        return this;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            depth++;
            try {
                return work.get();
            } finally {
                depth--;
            }
        }
        Map<TransactionalResource, Object> snapshots = new LinkedHashMap<>();
        resources.forEach(r -> snapshots.put(r, r.snapshot()));
        depth = 1;
        boolean committed = false;
        try {
            T result = work.get();
            if (commitsToFail > 0) {
                commitsToFail--;
                throw new CommitFailedException();
            }
            committed = true;
            commits++;
            return result;
        } finally {
            depth = 0;
            if (!committed) {
                snapshots.forEach(TransactionalResource::restore);
                rollbacks++;
            }
        }
    }

    /** The next transaction to finish its work fails when committing, and is rolled back. */
    public void failNextCommit() {
        commitsToFail++;
    }

    public boolean isActive() {
        return depth > 0;
    }

    public int commits() {
        return commits;
    }

    public int rollbacks() {
        return rollbacks;
    }
}
