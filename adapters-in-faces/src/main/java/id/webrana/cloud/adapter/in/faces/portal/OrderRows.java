package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.order.StatusChange;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's orders as the portal shows them: ready-formatted, serializable rows (rupiah, times in WIB, labels in
 * the page's language), the status timeline with who did what, and how far the provisioning has come.
 */
public final class OrderRows {

    /** The way from a new order to a running server, as the progress bar shows it. */
    static final List<OrderStatus> HAPPY_PATH = List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID,
            OrderStatus.PROVISIONING, OrderStatus.ACTIVE);
    private static final Pattern PAID_VIA = Pattern.compile("paid via (.+)");
    private static final Pattern PAID_FROM_WALLET = Pattern.compile("paid from wallet, invoice (.+)");

    private OrderRows() {
    }

    /** One order in the history list. */
    public record OrderRow(String id, String hostname, String plan, String image, String periodLabel, String total,
                           String status, String statusLabel, String created) implements Serializable {
    }

    /** One order in full (its pricing snapshot and, once it runs, its server). */
    public record OrderView(String id, String hostname, String status, String statusLabel, String plan, String specs,
                            String image, String region, String period, String periodLabel, String created,
                            String paymentDue, String paidAt, PriceLines price, int sshKeys, String instanceId,
                            String ipv4) implements Serializable {

        public boolean isPendingPayment() {
            return OrderStatus.PENDING_PAYMENT.name().equals(status);
        }

        public boolean isActive() {
            return OrderStatus.ACTIVE.name().equals(status);
        }

        public boolean isFailed() {
            return OrderStatus.FAILED.name().equals(status) || OrderStatus.EXPIRED.name().equals(status)
                    || OrderStatus.PAYMENT_FAILED.name().equals(status);
        }

        public boolean hasServer() {
            return instanceId != null;
        }
    }

    /**
     * A price breakdown: base, promo, coupon and the final price.
     *
     * @param finalRupiah the final price in rupiah, for computing the payment fees
     */
    public record PriceLines(String base, String promoDiscount, String promoName, String couponDiscount,
                             String couponCode, String finalPrice, long finalRupiah, String periodLabel)
            implements Serializable {

        public boolean hasPromo() {
            return promoDiscount != null;
        }

        public boolean hasCoupon() {
            return couponDiscount != null;
        }
    }

    /** One entry of the status timeline. */
    public record TimelineRow(String to, String toLabel, String actor, String reason, String at)
            implements Serializable {
    }

    /** One stage of the progress bar and whether it is done, the current one, still to come, or where it stopped. */
    public record StageRow(String status, String label, String state) implements Serializable {
    }

    /**
     * How far the order has come.
     *
     * @param percent 0..100 for the progress bar
     * @param detail  what is happening now, in words
     */
    public record Progress(int percent, String detail, List<StageRow> stages, boolean failed)
            implements Serializable {
    }

    public static OrderRow row(Order o) {
        return row(o, Formats.pageLocale());
    }

    static OrderRow row(Order o, Locale l) {
        return new OrderRow(o.id().toString(), o.hostname().value(), o.plan().name(), o.image().name(),
                periodLabel(o.pricing().period().name(), l), Formats.money(o.pricing().finalPrice()),
                o.status().name(), statusLabel(o.status(), l), Formats.dateTime(o.createdAt(), l));
    }

    public static OrderView view(OrderDetails d) {
        return view(d, Formats.pageLocale());
    }

    static OrderView view(OrderDetails d, Locale l) {
        Order o = d.order();
        var p = o.plan();
        String specs = p.vcpu() + " vCPU · " + ServerRows.memory(p.memoryMb(), l) + " RAM · " + p.diskGb()
                + " GB SSD · " + p.transferTb() + " TB transfer";
        Instance server = d.instance().orElse(null);
        return new OrderView(o.id().toString(), o.hostname().value(), o.status().name(), statusLabel(o.status(), l),
                p.name(), specs, o.image().name(), o.region(), o.pricing().period().name(),
                periodLabel(o.pricing().period().name(), l), Formats.dateTime(o.createdAt(), l),
                Formats.dateTime(o.paymentDueAt(), l), o.paidAt() == null ? null : Formats.dateTime(o.paidAt(), l),
                price(o.pricing(), l), o.sshKeys().size(),
                server == null ? (o.instanceId() == null ? null : o.instanceId().toString()) : server.id().toString(),
                server == null || server.ipv4() == null ? "—" : server.ipv4());
    }

    public static PriceLines price(PricingSnapshot s) {
        return price(s, Formats.pageLocale());
    }

    static PriceLines price(PricingSnapshot s, Locale l) {
        return new PriceLines(Formats.money(s.basePrice()),
                s.promoDiscount().isZero() ? null : "-" + Formats.money(s.promoDiscount()), s.promoName(),
                s.couponDiscount().isZero() ? null : "-" + Formats.money(s.couponDiscount()), s.couponCode(),
                Formats.money(s.finalPrice()), s.finalPrice().rupiah(), periodLabel(s.period().name(), l));
    }

    /** The status history, oldest first, with who made each change and when (WIB). */
    public static List<TimelineRow> timeline(Order o) {
        return timeline(o, Formats.pageLocale());
    }

    static List<TimelineRow> timeline(Order o, Locale l) {
        List<TimelineRow> rows = new ArrayList<>();
        for (StatusChange c : o.history()) {
            rows.add(new TimelineRow(c.to().name(), statusLabel(c.to(), l), ServerRows.actor(c.actor(), l),
                    reason(c.reason(), l), Formats.dateTime(c.at(), l)));
        }
        return rows;
    }

    /** A recorded reason in the page's language when it is one the system writes, else as it was written. */
    static String reason(String reason, Locale l) {
        if (reason == null || reason.isBlank()) {
            return "";
        }
        String known = Texts.get(l, "order.reason." + reason.trim().replace(' ', '_'));
        if (!known.startsWith("???")) {
            return known;
        }
        Matcher via = PAID_VIA.matcher(reason);
        if (via.matches()) {
            return Texts.get(l, "order.reason.paidVia", via.group(1));
        }
        Matcher wallet = PAID_FROM_WALLET.matcher(reason);
        if (wallet.matches()) {
            return Texts.get(l, "order.reason.paidFromWallet", wallet.group(1));
        }
        return reason;
    }

    public static Progress progress(OrderDetails d) {
        return progress(d, Formats.pageLocale());
    }

    static Progress progress(OrderDetails d, Locale l) {
        Order o = d.order();
        OrderStatus status = o.status();
        ProvisioningTask task = d.provisioning().orElse(null);
        OrderStatus reached = furthestOnHappyPath(o);
        boolean failed = status == OrderStatus.FAILED || status == OrderStatus.EXPIRED
                || status == OrderStatus.PAYMENT_FAILED;
        List<StageRow> stages = new ArrayList<>();
        int reachedIndex = HAPPY_PATH.indexOf(reached);
        for (int i = 0; i < HAPPY_PATH.size(); i++) {
            OrderStatus stage = HAPPY_PATH.get(i);
            String state;
            if (i < reachedIndex || status == OrderStatus.ACTIVE) {
                state = "done";
            } else if (i == reachedIndex) {
                state = failed ? "failed" : "current";
            } else {
                state = "todo";
            }
            stages.add(new StageRow(stage.name(), Texts.get(l, "order.stage." + stage.name()), state));
        }
        return new Progress(percent(status, reached, task), detail(o, task, l), stages, failed);
    }

    /** The last status of the normal way the order reached (FAILED after PROVISIONING counts as PROVISIONING). */
    static OrderStatus furthestOnHappyPath(Order o) {
        OrderStatus reached = OrderStatus.PENDING_PAYMENT;
        for (StatusChange c : o.history()) {
            if (HAPPY_PATH.indexOf(c.to()) > HAPPY_PATH.indexOf(reached)) {
                reached = c.to();
            }
        }
        return reached;
    }

    static int percent(OrderStatus status, OrderStatus reached, ProvisioningTask task) {
        if (status == OrderStatus.ACTIVE) {
            return 100;
        }
        return switch (reached) {
            case PENDING_PAYMENT -> 10;
            case PAID -> 30;
            case PROVISIONING -> task == null ? 45 : switch (task.status()) {
                case PENDING -> 45;
                case WAITING_FOR_SERVER -> 70;
                case SUCCEEDED -> 95;
                case FAILED -> 70;
            };
            default -> 100;
        };
    }

    static String detail(Order o, ProvisioningTask task, Locale l) {
        return switch (o.status()) {
            case PENDING_PAYMENT -> Texts.get(l, "order.progress.PENDING_PAYMENT", Formats.dateTime(o.paymentDueAt(), l));
            case PAID -> Texts.get(l, "order.progress.PAID");
            case PROVISIONING -> task != null && task.status() == ProvisioningTask.Status.WAITING_FOR_SERVER
                    ? Texts.get(l, "order.progress.WAITING_FOR_SERVER")
                    : task != null && task.attempts() > 1
                    ? Texts.get(l, "order.progress.RETRYING", task.attempts())
                    : Texts.get(l, "order.progress.PROVISIONING");
            case ACTIVE -> Texts.get(l, "order.progress.ACTIVE");
            case FAILED -> Texts.get(l, "order.progress.FAILED");
            case EXPIRED -> Texts.get(l, "order.progress.EXPIRED");
            case PAYMENT_FAILED -> Texts.get(l, "order.progress.PAYMENT_FAILED", lastReason(o, l));
        };
    }

    private static String lastReason(Order o, Locale l) {
        List<StatusChange> history = o.history();
        return history.isEmpty() ? "" : reason(history.get(history.size() - 1).reason(), l);
    }

    /** What the page shows that changes by itself: the poll re-renders only when this changed. */
    public static String fingerprint(OrderDetails d) {
        Order o = d.order();
        return o.status() + "|" + o.history().size() + "|"
                + d.provisioning().map(t -> t.status() + ":" + t.attempts()).orElse("") + "|"
                + d.instance().map(i -> i.status() + ":" + i.ipv4()).orElse("");
    }

    /** Whether something will still change without the customer: paying, provisioning. */
    public static boolean needsWatching(OrderStatus status) {
        return !status.isFinal();
    }

    static String statusLabel(OrderStatus status, Locale l) {
        return Texts.get(l, "order.status." + status.name());
    }

    public static String statusLabel(String status) {
        return Texts.get("order.status." + status);
    }

    static String periodLabel(String period, Locale l) {
        return Texts.get(l, "order.period." + period);
    }
}
