package id.webrana.cloud.adapter.in.rest.dto;

import id.webrana.cloud.application.port.in.AdminInstancesUseCase.CleanupReport;
import id.webrana.cloud.application.port.in.InstancesUseCase.ActionResult;
import id.webrana.cloud.application.port.in.InstancesUseCase.InstanceDetails;
import id.webrana.cloud.application.port.in.InstancesUseCase.InstanceSummary;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.InstanceAction;
import id.webrana.cloud.domain.provisioning.InstanceEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** JSON shapes of servers, their actions and their history. */
public final class InstanceViews {

    private InstanceViews() {
    }

    /** A line of a server list. */
    public record ServerSummaryView(UUID id, UUID orderId, UUID userId, String hostname, String planName,
                                    String imageName, String region, String ipv4, String status, Instant expiresAt,
                                    String period, boolean autoRenew) {
        public static ServerSummaryView of(InstanceSummary s) {
            return of(s.instance(), s.planName(), s.imageName());
        }

        public static ServerSummaryView of(Instance i, String planName, String imageName) {
            return new ServerSummaryView(i.id(), i.orderId(), i.userId(), i.hostname(), planName, imageName,
                    i.region(), i.ipv4(), i.status().name(), i.expiresAt(), i.period().name(), i.autoRenew());
        }
    }

    public record SpecsView(int vcpu, int memoryMb, int diskGb, String sizeSlug) {
    }

    public record RenewalView(String period, long price, String currency, boolean autoRenew, Instant expiresAt,
                              Instant suspensionAt, Instant terminationAt, RenewalInvoiceView openInvoice) {
    }

    public record RenewalInvoiceView(UUID id, String number, long total, String status, Instant dueAt) {
        public static RenewalInvoiceView of(Invoice i) {
            return i == null ? null : new RenewalInvoiceView(i.id(), i.number(), i.total().rupiah(), i.status().name(),
                    i.dueAt());
        }
    }

    /**
     * @param console          {@code AVAILABLE} or {@code NOT_OFFERED_BY_PROVIDER}
     * @param passwordReset    {@code AGENT}: the platform sets a new password through its agent on the server
     */
    public record CapabilitiesView(List<String> actions, String console, String passwordReset,
                                   boolean initialPasswordAvailable) {
    }

    public record ActionView(UUID id, String type, String status, String providerActionId, String requestedByType,
                             Instant requestedAt, Instant completedAt, String error) {
        public static ActionView of(InstanceAction a) {
            return new ActionView(a.id(), a.type().apiName(), a.status().name(), a.providerActionId(),
                    a.requestedBy().type().name(), a.requestedAt(), a.completedAt(), a.error());
        }
    }

    public record EventView(String type, String actorType, String actorId, String detail, Instant at) {
        public static EventView of(InstanceEvent e, boolean operator) {
            return new EventView(e.type(), e.actor().type().name(), operator ? e.actor().id() : null, e.detail(),
                    e.at());
        }
    }

    public record ServerView(UUID id, UUID orderId, UUID userId, String provider, String providerServerId,
                             String hostname, String region, String image, String plan, SpecsView specs, String ipv4,
                             String ipv6, String status, String suspension, String statusReason, String powerState,
                             Instant powerStateAt, Instant createdAt, RenewalView renewal,
                             CapabilitiesView capabilities, List<ActionView> actions, List<EventView> history) {

        public static ServerView of(InstanceDetails d, boolean operator) {
            Instance i = d.instance();
            boolean usable = i.status() == Instance.Status.ACTIVE;
            List<String> actions = !usable ? List.of() : d.consoleAvailable()
                    ? List.of("reboot", "power_on", "power_off", "power_cycle", "reset_password", "console")
                    : List.of("reboot", "power_on", "power_off", "power_cycle", "reset_password");
            return new ServerView(i.id(), i.orderId(), i.userId(), i.provider(), i.providerServerId(), i.hostname(),
                    i.region(), d.imageName(), d.planName(), new SpecsView(d.vcpu(), d.memoryMb(), d.diskGb(),
                    i.sizeSlug()), i.ipv4(), i.ipv6(), i.status().name(),
                    i.suspension() == null ? null : i.suspension().name(), i.statusReason(), d.powerState(),
                    d.powerStateAt(), i.createdAt(), new RenewalView(i.period().name(), i.renewalPrice().rupiah(), "IDR",
                    i.autoRenew(), i.expiresAt(), d.suspensionAt(), d.terminationAt(),
                    RenewalInvoiceView.of(d.renewalInvoice())),
                    new CapabilitiesView(actions, d.consoleAvailable() ? "AVAILABLE" : "NOT_OFFERED_BY_PROVIDER",
                            d.passwordResetHow(), d.initialPasswordAvailable()),
                    d.actions().stream().map(ActionView::of).toList(),
                    d.history().stream().map(e -> EventView.of(e, operator)).toList());
        }
    }

    /**
     * @param password for reset_password: the new root password, shown only in this answer
     * @param message  what happens next
     */
    public record ActionResultView(ActionView action, String password, String consoleUrl, String message) {
        public static ActionResultView of(ActionResult r) {
            return new ActionResultView(ActionView.of(r.action()), r.newPassword(), r.consoleUrl(), r.message());
        }
    }

    public record ActionRequest(String type) {
    }

    public record AutoRenewRequest(Boolean enabled) {
    }

    public record ReasonRequest(String reason) {
    }

    public record PasswordView(String password, String note) {
    }

    public record CleanupView(List<String> destroyed, List<String> kept, List<String> errors) {
        public static CleanupView of(CleanupReport r) {
            return new CleanupView(r.destroyed(), r.kept(), r.errors());
        }
    }

    /** What the server agent fetches: the action it serves and the password to apply. */
    public record AgentPasswordView(UUID actionId, String password) {
    }

    public record AgentAckRequest(String actionId, Boolean ok, String error) {
    }
}
