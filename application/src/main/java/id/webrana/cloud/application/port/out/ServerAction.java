package id.webrana.cloud.application.port.out;

/**
 * Provider-neutral server actions. DigitalOcean: {@code reboot}, {@code power_on}, {@code power_off},
 * {@code power_cycle}, {@code shutdown}, {@code password_reset}.
 */
public enum ServerAction {
    REBOOT, POWER_ON, POWER_OFF, POWER_CYCLE, SHUTDOWN, PASSWORD_RESET
}
