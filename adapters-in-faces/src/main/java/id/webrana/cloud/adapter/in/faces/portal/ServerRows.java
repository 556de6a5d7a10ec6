package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.InstancesUseCase.InstanceDetails;
import id.webrana.cloud.application.port.in.InstancesUseCase.InstanceSummary;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.provisioning.ActionType;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.InstanceAction;
import id.webrana.cloud.domain.provisioning.InstanceEvent;
import id.webrana.cloud.domain.shared.Actor;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Servers (instances), their actions and their history as the portal and admin pages show them: ready-formatted,
 * serializable rows (times in WIB, rupiah, labels in the page's language).
 */
public final class ServerRows {

    /**
     * After a power action completed, how long the page keeps polling for the provider's power state to catch up
     * (the use case caches the state for a few seconds).
     */
    static final Duration POWER_SETTLE = Duration.ofSeconds(40);

    private ServerRows() {
    }

    /** One server in a list (the customer's, or the operators' search). */
    public record ServerRow(String id, String hostname, String plan, String image, String ipv4, String region,
                            String status, String statusLabel, String expires, boolean autoRenew,
                            String autoRenewLabel, String userId, String nextStep, String created)
            implements Serializable {
    }

    /**
     * One server in full.
     *
     * @param powerState the provider's state ({@code ACTIVE}, {@code OFF}, {@code UNKNOWN}, ...)
     * @param suspendAt  when it will be suspended if the renewal stays unpaid, or null
     * @param terminateAt when it will be deleted (suspended for non-payment), or null
     */
    public record ServerView(String id, String hostname, String status, String statusLabel, String plan,
                             String image, int vcpu, String memory, String disk, String ipv4, String ipv6,
                             String region, String powerState, String powerStateLabel, String powerCheckedAt,
                             String expires, String period, String renewalPrice, boolean autoRenew,
                             String suspendAt, String terminateAt, String suspension, String statusReason,
                             String suspendedAt, String terminatedAt, boolean consoleAvailable,
                             boolean passwordResetByAgent, boolean initialPasswordAvailable,
                             String renewalInvoiceId, String renewalInvoiceNumber, String renewalInvoiceAmount,
                             String userId, String orderId, String provider, String providerServerId, String created,
                             String nextStep) implements Serializable {

        public boolean isActive() {
            return Instance.Status.ACTIVE.name().equals(status);
        }

        public boolean isSuspended() {
            return Instance.Status.SUSPENDED.name().equals(status);
        }

        public boolean isTerminated() {
            return Instance.Status.TERMINATED.name().equals(status);
        }

        public boolean hasRenewalInvoice() {
            return renewalInvoiceId != null;
        }
    }

    /** One action asked of a server. */
    public record ActionRow(String id, String type, String typeLabel, String status, String statusLabel,
                            String requested, String completed, String error, String requestedBy)
            implements Serializable {
    }

    /** One line of a server's history (its audit trail). */
    public record EventRow(String id, String type, String typeLabel, String actor, String detail, String at)
            implements Serializable {
    }

    public static ServerRow row(InstanceSummary s) {
        return row(s.instance(), s.planName(), s.imageName(), Formats.pageLocale());
    }

    /** An operator's search result (the plan and image are known only by their slugs there). */
    public static ServerRow row(Instance i) {
        return row(i, i.sizeSlug(), i.imageSlug(), Formats.pageLocale());
    }

    static ServerRow row(Instance i, String plan, String image, Locale l) {
        return new ServerRow(i.id().toString(), i.hostname(), plan, image, dash(i.ipv4()), dash(i.region()),
                i.status().name(), statusLabel(i.status(), l), Formats.dateTime(i.expiresAt(), l), i.autoRenew(),
                Texts.get(l, i.autoRenew() ? "server.autoRenew.on" : "server.autoRenew.off"), i.userId().toString(),
                Formats.dateTime(i.nextLifecycleAt(), l), Formats.dateTime(i.createdAt(), l));
    }

    public static ServerView view(InstanceDetails d) {
        return view(d, Formats.pageLocale());
    }

    static ServerView view(InstanceDetails d, Locale l) {
        Instance i = d.instance();
        Invoice renewal = d.renewalInvoice();
        return new ServerView(i.id().toString(), i.hostname(), i.status().name(), statusLabel(i.status(), l),
                d.planName(), d.imageName(), d.vcpu(), memory(d.memoryMb(), l), d.diskGb() + " GB", dash(i.ipv4()),
                dash(i.ipv6()), dash(i.region()), d.powerState(), powerLabel(d.powerState(), l),
                Formats.dateTime(d.powerStateAt(), l), Formats.dateTime(i.expiresAt(), l),
                Texts.get(l, "server.period." + i.period().name()), Formats.money(i.renewalPrice()), i.autoRenew(),
                d.suspensionAt() == null ? null : Formats.dateTime(d.suspensionAt(), l),
                d.terminationAt() == null ? null : Formats.dateTime(d.terminationAt(), l),
                i.suspension() == null ? null : Texts.get(l, "server.suspension." + i.suspension().name()),
                i.statusReason(), i.suspendedAt() == null ? null : Formats.dateTime(i.suspendedAt(), l),
                i.terminatedAt() == null ? null : Formats.dateTime(i.terminatedAt(), l), d.consoleAvailable(),
                !"PROVIDER".equals(d.passwordResetHow()), d.initialPasswordAvailable(),
                renewal == null ? null : renewal.id().toString(), renewal == null ? null : renewal.number(),
                renewal == null ? null : Formats.money(renewal.total()), i.userId().toString(),
                i.orderId().toString(), i.provider(), i.providerServerId(), Formats.dateTime(i.createdAt(), l),
                Formats.dateTime(i.nextLifecycleAt(), l));
    }

    static ActionRow action(InstanceAction a, Locale l) {
        return new ActionRow(a.id().toString(), a.type().apiName(), actionLabel(a.type(), l), a.status().name(),
                Texts.get(l, "server.actionStatus." + a.status().name()), Formats.dateTime(a.requestedAt(), l),
                a.completedAt() == null ? "—" : Formats.dateTime(a.completedAt(), l),
                a.error() == null ? "" : a.error(), actor(a.requestedBy(), l));
    }

    static EventRow event(InstanceEvent e, Locale l) {
        return new EventRow(e.id().toString(), e.type(), labelOr(l, "server.event." + e.type(), e.type()),
                actor(e.actor(), l), e.detail() == null ? "" : e.detail(), Formats.dateTime(e.at(), l));
    }

    static String statusLabel(Instance.Status status, Locale l) {
        return Texts.get(l, "server.status." + status.name());
    }

    /** "Reboot", "Matikan", ... in the page's language. */
    public static String actionLabel(ActionType type) {
        return actionLabel(type, Formats.pageLocale());
    }

    static String actionLabel(ActionType type, Locale l) {
        return Texts.get(l, "server.action." + type.apiName());
    }

    /** {@code ACTIVE} → "MENYALA"; a state the bundle does not know is shown as the provider named it. */
    static String powerLabel(String state, Locale l) {
        return labelOr(l, "server.power." + state, state);
    }

    /** Who did it, for people: "Pelanggan", "Admin 1234…", "Sistem (lifecycle)". */
    static String actor(Actor actor, Locale l) {
        return switch (actor.type()) {
            case CUSTOMER -> Texts.get(l, "server.actor.CUSTOMER");
            case ADMIN -> Texts.get(l, "server.actor.ADMIN", actor.id());
            case API_KEY -> Texts.get(l, "server.actor.API_KEY", actor.id());
            case SYSTEM -> Texts.get(l, "server.actor.SYSTEM", actor.id());
        };
    }

    /** {@code 512 MB}, {@code 1 GB}, {@code 1,5 GB}. */
    static String memory(int megabytes, Locale l) {
        if (megabytes <= 0) {
            return "—";
        }
        if (megabytes < 1024) {
            return megabytes + " MB";
        }
        if (megabytes % 1024 == 0) {
            return megabytes / 1024 + " GB";
        }
        return String.format(l, "%.1f GB", megabytes / 1024.0);
    }

    /** The bundle's text for {@code key}, or {@code fallback} for keys it does not have (types added later). */
    private static String labelOr(Locale l, String key, String fallback) {
        String text = Texts.get(l, key);
        return text.startsWith("???") ? fallback : text;
    }

    /**
     * Whether the page should keep polling: an action is running, or a power action has just completed and the
     * provider's power state (read through a short cache) does not show its outcome yet.
     */
    public static boolean needsWatching(InstanceDetails d, Instant now) {
        if (d.instance().status() == Instance.Status.TERMINATED) {
            return false;
        }
        if (d.actions().stream().anyMatch(InstanceAction::isInProgress)) {
            return true;
        }
        return d.actions().stream().filter(a -> a.status() == InstanceAction.Status.COMPLETED)
                .filter(a -> expectedPower(a.type()) != null).findFirst()
                .filter(a -> a.completedAt() != null && a.completedAt().plus(POWER_SETTLE).isAfter(now))
                .map(a -> !expectedPower(a.type()).equals(d.powerState())).orElse(false);
    }

    /** The power state a completed action leaves the server in, or null for actions that do not power it. */
    static String expectedPower(ActionType type) {
        return switch (type) {
            case POWER_OFF -> "OFF";
            case POWER_ON, REBOOT, POWER_CYCLE -> "ACTIVE";
            default -> null;
        };
    }

    /**
     * What the page shows that can change by itself (status, power state, actions, history, renewal): the poll
     * re-renders only when this changed, so a dialog being read is left alone.
     */
    public static String fingerprint(InstanceDetails d) {
        return d.instance().status() + "|" + d.powerState() + "|" + d.instance().expiresAt() + "|"
                + d.instance().autoRenew() + "|" + d.initialPasswordAvailable() + "|"
                + (d.renewalInvoice() == null ? "" : d.renewalInvoice().id()) + "|"
                + d.actions().stream().map(a -> a.id() + ":" + a.status()).collect(Collectors.joining(",")) + "|"
                + d.history().size() + (d.history().isEmpty() ? "" : ":" + d.history().get(0).id());
    }

    public static List<ActionRow> actions(InstanceDetails d) {
        Locale l = Formats.pageLocale();
        return d.actions().stream().map(a -> action(a, l)).toList();
    }

    public static List<EventRow> history(InstanceDetails d) {
        Locale l = Formats.pageLocale();
        return d.history().stream().map(e -> event(e, l)).toList();
    }

    private static String dash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
