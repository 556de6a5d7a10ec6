package id.webrana.cloud.application.service;

import id.webrana.cloud.domain.provisioning.LifecyclePolicy;

import java.time.Duration;

/**
 * How servers are run and kept.
 *
 * @param policy              when renewal invoices, reminders, suspension and termination fall due
 * @param statusCacheTtl      how long a power state read from the provider is reused
 * @param actionsPerWindow    how many actions a server accepts per {@code actionWindow}
 * @param actionWindow        the rate-limit window
 * @param passwordResetTimeout how long a password reset waits for the server's agent before it is ERRORED
 * @param actionTimeout       how long a provider action may stay in progress before it is ERRORED
 * @param snapshotBeforeTerminate take a provider snapshot before destroying a server for non-payment
 */
public record LifecycleSettings(LifecyclePolicy policy, Duration statusCacheTtl, int actionsPerWindow,
                                Duration actionWindow, Duration passwordResetTimeout, Duration actionTimeout,
                                boolean snapshotBeforeTerminate) {

    public static LifecycleSettings defaults() {
        return new LifecycleSettings(LifecyclePolicy.defaults(), Duration.ofSeconds(10), 10, Duration.ofHours(1),
                Duration.ofMinutes(15), Duration.ofMinutes(10), false);
    }

    public LifecycleSettings withRateLimit(int perWindow, Duration window) {
        return new LifecycleSettings(policy, statusCacheTtl, perWindow, window, passwordResetTimeout, actionTimeout,
                snapshotBeforeTerminate);
    }

    public LifecycleSettings withSnapshotBeforeTerminate(boolean on) {
        return new LifecycleSettings(policy, statusCacheTtl, actionsPerWindow, actionWindow, passwordResetTimeout,
                actionTimeout, on);
    }
}
