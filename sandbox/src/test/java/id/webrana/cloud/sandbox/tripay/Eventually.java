package id.webrana.cloud.sandbox.tripay;

import java.time.Duration;

/** Polls an assertion until it holds (for work done on background threads). */
public final class Eventually {

    /** Something that throws an {@link AssertionError} while its condition does not hold. */
    @FunctionalInterface
    public interface Check {
        /** @throws Exception while the condition does not hold */
        void run() throws Exception;
    }

    private Eventually() {
    }

    /**
     * @param timeout how long to keep trying
     * @param check the assertion
     */
    public static void within(Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e instanceof AssertionError a ? a : new AssertionError(e);
                }
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
