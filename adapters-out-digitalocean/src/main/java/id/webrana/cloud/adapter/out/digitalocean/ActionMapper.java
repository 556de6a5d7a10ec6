package id.webrana.cloud.adapter.out.digitalocean;

import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Action;
import id.webrana.cloud.application.port.out.ProviderAction;
import id.webrana.cloud.application.port.out.ServerAction;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Anti-corruption layer for droplet actions: the port's {@link ServerAction} to DigitalOcean's action {@code type},
 * and DigitalOcean's action JSON to the port's {@link ProviderAction}.
 *
 * <ul>
 *   <li>id: the action id as a string (DigitalOcean's ids exceed 32 bits)</li>
 *   <li>status: {@code in-progress}, {@code completed}, {@code errored} to {@link ProviderAction.Status}. A status
 *       DigitalOcean has not documented reads as {@link ProviderAction.Status#IN_PROGRESS}: the action was accepted
 *       and the caller keeps following it, rather than believing it failed and asking again (a second reboot)</li>
 *   <li>started_at, completed_at: ISO-8601; missing or unparseable gives null rather than failing the call</li>
 * </ul>
 */
final class ActionMapper {

    /** DigitalOcean's action type for a snapshot ({@code {"type": "snapshot", "name": ...}}). */
    static final String SNAPSHOT = "snapshot";

    private static final Logger LOG = Logger.getLogger(ActionMapper.class.getName());

    private ActionMapper() {
    }

    /** DigitalOcean's {@code type} for the port's action. */
    static String type(ServerAction action) {
        Objects.requireNonNull(action, "action");
        return switch (action) {
            case REBOOT -> "reboot";
            case POWER_ON -> "power_on";
            case POWER_OFF -> "power_off";
            case POWER_CYCLE -> "power_cycle";
            case SHUTDOWN -> "shutdown";
            case PASSWORD_RESET -> "password_reset";
        };
    }

    /**
     * The port's view of an action.
     *
     * @throws NullPointerException when the action has no id (the caller treats that as an unreadable body)
     */
    static ProviderAction toProviderAction(Action action) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(action.id(), "action.id");
        return new ProviderAction(String.valueOf(action.id()), action.type(), status(action),
                instant(action.startedAt()), instant(action.completedAt()));
    }

    static ProviderAction.Status status(Action action) {
        String status = action.status() == null ? "" : action.status().trim().toLowerCase(Locale.ROOT);
        return switch (status) {
            case "in-progress" -> ProviderAction.Status.IN_PROGRESS;
            case "completed" -> ProviderAction.Status.COMPLETED;
            case "errored" -> ProviderAction.Status.ERRORED;
            default -> {
                LOG.warning(() -> "DigitalOcean action " + action.id() + " has the undocumented status '"
                        + action.status() + "'; treated as in progress");
                yield ProviderAction.Status.IN_PROGRESS;
            }
        };
    }

    static Instant instant(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(timestamp.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
