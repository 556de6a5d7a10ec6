package id.webrana.cloud.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * An action as the provider reports it.
 *
 * @param providerActionId the provider's id (DigitalOcean: the action id as a string)
 * @param type             the provider's name for it, e.g. {@code power_off}
 * @param completedAt      null while in progress
 */
public record ProviderAction(String providerActionId, String type, Status status, Instant startedAt,
                             Instant completedAt) {

    /** DigitalOcean: {@code in-progress}, {@code completed}, {@code errored}. */
    public enum Status { IN_PROGRESS, COMPLETED, ERRORED }

    public ProviderAction {
        Objects.requireNonNull(providerActionId, "providerActionId");
        Objects.requireNonNull(status, "status");
    }
}
