package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.InstanceAction;
import id.webrana.cloud.domain.provisioning.InstanceEvent;
import id.webrana.cloud.domain.shared.Actor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * UC: a customer runs and keeps their servers. Every method is owner-only: another customer's
 * instance is answered exactly like one that does not exist ({@code INSTANCE_NOT_FOUND}).
 */
public interface InstancesUseCase {

    /** The customer's servers, newest first (terminated ones included, for the record). */
    List<InstanceSummary> listInstances(UUID userId);

    /** One server, its power state read from the provider (cached a few seconds), actions and history. */
    InstanceDetails getInstance(UUID userId, UUID instanceId);

    /**
     * Starts {@code reboot}, {@code power_on}, {@code power_off}, {@code power_cycle}, {@code reset_password}
     * or hands out the {@code console}. Refused while another action runs ({@code ACTION_IN_PROGRESS}), on a
     * suspended or terminated server, beyond the per-server rate ({@code ACTION_RATE_LIMITED}), and for a
     * console the provider does not offer ({@code ACTION_NOT_SUPPORTED}).
     */
    ActionResult performAction(PerformActionCommand command);

    /** Turns auto-renewal from the wallet on or off. */
    InstanceDetails setAutoRenew(UUID userId, UUID instanceId, boolean enabled);

    /** The root password set at creation, once; afterwards {@code PASSWORD_ALREADY_SHOWN}. */
    String revealInitialPassword(UUID userId, UUID instanceId);

    /**
     * The unpaid renewal invoice of the server, raised now if none is open, for a customer who pays
     * ahead or pays to lift a suspension.
     */
    Invoice renewalInvoice(UUID userId, UUID instanceId);

    /** @param action the API name, e.g. {@code power_off} */
    record PerformActionCommand(UUID userId, UUID instanceId, String action, Actor actor) {
    }

    /**
     * @param newPassword for {@code reset_password}: the new root password, shown this once
     * @param consoleUrl  for {@code console}: where the provider's console is
     * @param message     what happens next, for people
     */
    record ActionResult(InstanceAction action, String newPassword, String consoleUrl, String message) {
    }

    /** A line of the customer's server list. */
    record InstanceSummary(Instance instance, String planName, String imageName) {
    }

    /**
     * @param powerState        the provider's state ({@code ACTIVE}, {@code OFF}, ...), or {@code UNKNOWN}
     *                          when the provider could not be asked
     * @param powerStateAt      when the provider was asked
     * @param consoleAvailable  the provider offers a console through its API
     * @param passwordResetHow  {@code AGENT} (the platform's agent on the server applies a new password) or
     *                          {@code PROVIDER}
     * @param initialPasswordAvailable the root password from creation can still be shown once
     * @param renewalInvoice    the open renewal invoice, or null
     * @param suspensionAt      when the server will be suspended if the renewal stays unpaid
     * @param terminationAt     when a server suspended for non-payment will be destroyed, else null
     */
    record InstanceDetails(Instance instance, String planName, String imageName, int vcpu, int memoryMb,
                           int diskGb, String powerState, Instant powerStateAt, List<InstanceAction> actions,
                           List<InstanceEvent> history, boolean consoleAvailable, String passwordResetHow,
                           boolean initialPasswordAvailable, Invoice renewalInvoice, Instant suspensionAt,
                           Instant terminationAt) {
    }
}
