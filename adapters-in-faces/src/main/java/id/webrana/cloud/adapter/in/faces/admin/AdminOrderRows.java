package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.AdminOrdersUseCase.OrderSummary;
import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.order.StatusChange;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.Actor;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Orders as the admin pages show them: ready-formatted, serializable rows (times in WIB, rupiah, labels in the page's
 * language), the audit trail with named actors, and how long an order has been waiting.
 */
public final class AdminOrderRows {

    private AdminOrderRows() {
    }

    /** One order in the admin table. */
    public record OrderRow(String id, String shortId, String hostname, String created, String customerEmail,
                           String customerName, String userId, String status, String statusLabel, String total,
                           String plan, String period) implements Serializable {
    }

    /**
     * One order in the provisioning monitor.
     *
     * @param waiting   how long since the customer paid (or since the order was placed, if never paid)
     * @param since     when the order entered its current status
     * @param lastError the order's failure, else the provisioning task's last error, else empty
     */
    public record MonitorRow(String id, String shortId, String hostname, String plan, String status,
                             String statusLabel, String paid, String waiting, String since, int attempts,
                             String nextAttempt, String lastError, boolean retryable) implements Serializable {
    }

    /** One line of an order's status history (its audit trail). */
    public record HistoryRow(String at, String from, String to, String toLabel, String actor, String reason)
            implements Serializable {
    }

    public static OrderRow row(OrderSummary s) {
        Order o = s.order();
        return new OrderRow(o.id().toString(), shortId(o), o.hostname().value(), Formats.dateTime(o.createdAt()),
                s.customerEmail(), s.customerName(), o.userId().toString(), o.status().name(),
                statusLabel(o.status()), Formats.money(o.pricing().finalPrice()), o.plan().name(),
                periodLabel(o));
    }

    public static MonitorRow monitorRow(OrderDetails d, Instant now) {
        Order o = d.order();
        ProvisioningTask task = d.provisioning().orElse(null);
        Instant waitingSince = o.paidAt() != null ? o.paidAt() : o.createdAt();
        String error = o.failureMessage() != null
                ? (o.failureCode() == null ? "" : o.failureCode() + ": ") + o.failureMessage()
                : task != null && task.lastError() != null ? task.lastError() : "";
        return new MonitorRow(o.id().toString(), shortId(o), o.hostname().value(), o.plan().name(), o.status().name(),
                statusLabel(o.status()), Formats.dateTime(o.paidAt()), age(waitingSince, now),
                Formats.dateTime(statusSince(o)), task == null ? 0 : task.attempts(),
                task == null || task.isFinished() ? "—" : Formats.dateTime(task.nextAttemptAt()), error,
                o.status() == OrderStatus.FAILED);
    }

    /**
     * The order's history, newest first, each actor named: {@code emails} turns a user id into an email (or returns
     * null when it cannot).
     */
    public static List<HistoryRow> history(Order order, Function<String, String> emails) {
        Locale l = Formats.pageLocale();
        List<StatusChange> changes = order.history();
        return java.util.stream.IntStream.range(0, changes.size()).mapToObj(i -> changes.get(changes.size() - 1 - i))
                .map(c -> new HistoryRow(Formats.dateTime(c.at(), l), c.from() == null ? "" : c.from().name(),
                        c.to().name(), c.from() == c.to() ? Texts.get(l, "admin.order.note")
                        : statusLabel(c.to(), l), actor(c.actor(), emails, l), c.reason() == null ? "" : c.reason()))
                .toList();
    }

    /** "Admin ops@webrana.id", "Pelanggan budi@...", "Integrasi ops-bot", "Sistem (provisioning)". */
    public static String actor(Actor actor, Function<String, String> emails, Locale l) {
        String who = actor.id();
        if (actor.type() == Actor.Type.ADMIN || actor.type() == Actor.Type.CUSTOMER) {
            String email = emails.apply(actor.id());
            who = email == null ? actor.id() : email;
        }
        return Texts.get(l, "admin.actor." + actor.type().name(), who);
    }

    public static String statusLabel(OrderStatus status) {
        return statusLabel(status, Formats.pageLocale());
    }

    static String statusLabel(OrderStatus status, Locale l) {
        return Texts.get(l, "admin.orderStatus." + status.name());
    }

    /** When the order entered its current status (its last history line), or when it was placed. */
    static Instant statusSince(Order o) {
        List<StatusChange> h = o.history();
        return h.isEmpty() ? o.createdAt() : h.get(h.size() - 1).at();
    }

    /** "45 mnt", "3 jam 5 mnt", "2 hari 4 jam" (in the page's language). */
    public static String age(Instant since, Instant now) {
        return age(since, now, Formats.pageLocale());
    }

    static String age(Instant since, Instant now, Locale l) {
        Duration d = Duration.between(since, now);
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toHours() < 1) {
            return Texts.get(l, "admin.age.minutes", d.toMinutes());
        }
        if (d.toDays() < 1) {
            return Texts.get(l, "admin.age.hours", d.toHours(), d.toMinutesPart());
        }
        return Texts.get(l, "admin.age.days", d.toDays(), d.toHoursPart());
    }

    static String shortId(Order o) {
        return o.id().toString().substring(0, 8);
    }

    private static String periodLabel(Order o) {
        return Texts.get("admin.period." + o.pricing().period().name());
    }
}
