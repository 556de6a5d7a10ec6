package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.order.Hostname;
import id.webrana.cloud.domain.order.ImageSnapshot;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.order.PlanSnapshot;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrderRowsTest {

    static final Instant NOW = Instant.parse("2026-11-23T04:05:00Z");
    static final Locale ID = Locale.forLanguageTag("id");
    static final UUID CUSTOMER_ID = UUID.randomUUID();
    static final Actor CUSTOMER = new Actor(Actor.Type.CUSTOMER, CUSTOMER_ID.toString());
    static final Actor WORKER = Actor.system("provisioning");

    static Order placed(PricingSnapshot pricing) {
        return Order.place(CUSTOMER_ID, new PlanSnapshot(UUID.randomUUID(), "Basic 1 GB", "s-1vcpu-1gb", 1, 1024, 25, 1),
                new ImageSnapshot(UUID.randomUUID(), "Ubuntu 24.04", "ubuntu-24-04-x64"), new Hostname("web-1"), "sgp1",
                pricing, List.of(), CUSTOMER, NOW, NOW.plus(Duration.ofHours(24)));
    }

    static PricingSnapshot plain() {
        return new PricingSnapshot(BillingPeriod.MONTHLY, Money.rupiah(90_000), Money.ZERO, null, Money.ZERO, null,
                Money.rupiah(90_000));
    }

    static Order paidAndProvisioning() {
        Order o = placed(plain());
        o.markPaid(CUSTOMER, "paid via BRI Virtual Account (T0001)", NOW.plusSeconds(60));
        o.startProvisioning(WORKER, NOW.plusSeconds(61));
        return o;
    }

    @Test
    void an_order_awaiting_payment_is_watched_and_shows_its_deadline_in_wib() {
        Order o = placed(plain());
        OrderRows.Progress p = OrderRows.progress(new OrderDetails(o, Optional.empty(), Optional.empty()), ID);
        assertThat(p.percent()).isEqualTo(10);
        assertThat(p.failed()).isFalse();
        assertThat(p.stages()).extracting(OrderRows.StageRow::state).containsExactly("current", "todo", "todo", "todo");
        assertThat(p.detail()).contains("24 Nov 2026 11:05 WIB");
        assertThat(OrderRows.needsWatching(o.status())).isTrue();
    }

    @Test
    void a_server_being_created_shows_the_paid_stages_done_and_how_far_provisioning_is() {
        Order o = paidAndProvisioning();
        ProvisioningTask task = ProvisioningTask.forPaidOrder(o.id(), NOW, Duration.ofMinutes(10));
        OrderDetails pending = new OrderDetails(o, Optional.empty(), Optional.of(task));
        assertThat(OrderRows.progress(pending, ID).percent()).isEqualTo(45);
        String before = OrderRows.fingerprint(pending);

        task.serverRequested("4711", NOW.plusSeconds(62), Duration.ofSeconds(1));
        OrderRows.Progress waiting = OrderRows.progress(pending, ID);
        assertThat(waiting.percent()).isEqualTo(70);
        assertThat(waiting.stages()).extracting(OrderRows.StageRow::state).containsExactly("done", "done", "current", "todo");
        assertThat(waiting.detail()).isEqualTo("Server sedang dinyalakan dan sistem operasinya dipasang...");
        assertThat(OrderRows.fingerprint(pending)).as("the poll re-renders on a task step").isNotEqualTo(before);
        assertThat(OrderRows.needsWatching(o.status())).isTrue();
    }

    @Test
    void an_active_order_is_complete_and_its_timeline_names_each_step_with_who_and_when() {
        Order o = paidAndProvisioning();
        o.activate(UUID.randomUUID(), WORKER, NOW.plusSeconds(90));
        OrderRows.Progress p = OrderRows.progress(new OrderDetails(o, Optional.empty(), Optional.empty()), ID);
        assertThat(p.percent()).isEqualTo(100);
        assertThat(p.stages()).extracting(OrderRows.StageRow::state).containsOnly("done");
        assertThat(OrderRows.needsWatching(o.status())).isFalse();

        List<OrderRows.TimelineRow> timeline = OrderRows.timeline(o, ID);
        assertThat(timeline).extracting(OrderRows.TimelineRow::to)
                .containsExactly("PENDING_PAYMENT", "PAID", "PROVISIONING", "ACTIVE");
        assertThat(timeline.get(0).reason()).isEqualTo("Pesanan dibuat");
        assertThat(timeline.get(0).actor()).isEqualTo("Pelanggan");
        assertThat(timeline.get(0).at()).isEqualTo("23 Nov 2026 11:05 WIB");
        assertThat(timeline.get(1).toLabel()).isEqualTo("DIBAYAR");
        assertThat(timeline.get(1).reason()).isEqualTo("Dibayar melalui BRI Virtual Account (T0001)");
        assertThat(timeline.get(3).actor()).isEqualTo("Sistem (provisioning)");
        assertThat(timeline.get(3).reason()).isEqualTo("Server siap");
        assertThat(OrderRows.timeline(o, Locale.ENGLISH).get(3).reason()).isEqualTo("Server ready");
    }

    @Test
    void a_failed_provisioning_stops_the_bar_at_its_stage_and_says_support_knows() {
        Order o = paidAndProvisioning();
        o.failProvisioning("PROVISIONING_TIMEOUT", "droplet never became active", WORKER, NOW.plusSeconds(900));
        OrderRows.Progress p = OrderRows.progress(new OrderDetails(o, Optional.empty(), Optional.empty()), ID);
        assertThat(p.failed()).isTrue();
        assertThat(p.stages()).extracting(OrderRows.StageRow::state).containsExactly("done", "done", "failed", "todo");
        assertThat(p.detail()).contains("Tim kami sudah diberi tahu");
        assertThat(OrderRows.needsWatching(OrderStatus.FAILED)).isFalse();
        assertThat(OrderRows.timeline(o, ID).get(3).reason()).as("an unknown reason is shown as written")
                .isEqualTo("PROVISIONING_TIMEOUT: droplet never became active");
    }

    @Test
    void a_rejected_payment_says_why() {
        Order o = placed(plain());
        o.rejectPayment(new Actor(Actor.Type.ADMIN, "ops"), "bukti transfer palsu", NOW.plusSeconds(30));
        OrderRows.Progress p = OrderRows.progress(new OrderDetails(o, Optional.empty(), Optional.empty()), ID);
        assertThat(p.failed()).isTrue();
        assertThat(p.detail()).isEqualTo("Pembayaran ditolak: bukti transfer palsu");
        assertThat(p.stages().get(0).state()).isEqualTo("failed");
    }

    @Test
    void the_price_lines_show_discounts_as_deductions_in_rupiah() {
        PricingSnapshot s = new PricingSnapshot(BillingPeriod.YEARLY, Money.rupiah(900_000), Money.rupiah(135_000),
                "Promo Tahunan 15%", Money.rupiah(76_500), "HEMAT10", Money.rupiah(688_500));
        OrderRows.PriceLines lines = OrderRows.price(s, ID);
        assertThat(lines.base()).isEqualTo("Rp 900.000");
        assertThat(lines.promoDiscount()).isEqualTo("-Rp 135.000");
        assertThat(lines.promoName()).isEqualTo("Promo Tahunan 15%");
        assertThat(lines.couponDiscount()).isEqualTo("-Rp 76.500");
        assertThat(lines.finalPrice()).isEqualTo("Rp 688.500");
        assertThat(lines.finalRupiah()).isEqualTo(688_500);
        assertThat(lines.periodLabel()).isEqualTo("Tahunan");
        OrderRows.PriceLines none = OrderRows.price(plain(), ID);
        assertThat(none.hasPromo()).isFalse();
        assertThat(none.hasCoupon()).isFalse();
    }

    @Test
    void a_row_of_the_history_list_is_ready_to_show() {
        OrderRows.OrderRow row = OrderRows.row(placed(plain()), ID);
        assertThat(row.hostname()).isEqualTo("web-1");
        assertThat(row.total()).isEqualTo("Rp 90.000");
        assertThat(row.statusLabel()).isEqualTo("MENUNGGU PEMBAYARAN");
        assertThat(row.periodLabel()).isEqualTo("Bulanan");
        assertThat(row.created()).isEqualTo("23 Nov 2026 11:05 WIB");
    }
}
