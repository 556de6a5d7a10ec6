package id.webrana.cloud.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work atomically: everything the work saves through the repositories commits together or
 * not at all. Nested calls join the running transaction.
 */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
