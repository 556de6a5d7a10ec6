package id.webrana.cloud.application.fakes;

/**
 * A fake that takes part in {@link FakeTransactionRunner} transactions: its state is captured
 * when the outermost transaction begins and put back if that transaction does not commit.
 */
public interface TransactionalResource {

    /** A copy of the current state, cheap enough to take at every transaction start. */
    Object snapshot();

    /** Puts back a state taken by {@link #snapshot()}. */
    void restore(Object snapshot);
}
