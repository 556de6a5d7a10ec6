package id.webrana.cloud.domain.provisioning;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.util.Locale;

/** What a customer can ask of a server; the API speaks the lower-case names ({@code power_off}). */
public enum ActionType {
    REBOOT, POWER_ON, POWER_OFF, POWER_CYCLE, RESET_PASSWORD, CONSOLE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code reboot}, {@code power_off}, ... refusing anything else with {@code INVALID_ACTION}. */
    public static ActionType parse(String value) {
        if (value != null) {
            for (ActionType t : values()) {
                if (t.apiName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return t;
                }
            }
        }
        throw new DomainException(ErrorCode.INVALID_ACTION, "Unknown action '" + value
                + "': use reboot, power_on, power_off, power_cycle, reset_password or console");
    }
}
