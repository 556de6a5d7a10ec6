package id.webrana.cloud.sandbox.digitalocean;

import java.time.Instant;

/**
 * An action as seen at one instant ({@code action} schema).
 *
 * @param id the action id (note: above 2^31, as real DigitalOcean action ids are)
 * @param status {@code in-progress} or {@code completed}
 * @param type e.g. {@code create}, {@code reboot}, {@code power_off}
 * @param startedAt when it started
 * @param completedAt when it completed, or {@code null} while in progress
 * @param resourceId the droplet id
 * @param region the droplet's region
 */
public record ActionView(long id, String status, String type, Instant startedAt, Instant completedAt,
                         long resourceId, RegionSpec region) {

    /** Status of an action that is still running. */
    public static final String IN_PROGRESS = "in-progress";
    /** Status of a finished action. */
    public static final String COMPLETED = "completed";

    /** @return the resource type, always {@code droplet} */
    public String resourceType() {
        return "droplet";
    }
}
