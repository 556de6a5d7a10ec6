package id.webrana.cloud.domain.order;

import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Orders in any state, for domain tests. */
final class OrderFixtures {

    static final Instant PLACED_AT = Instant.parse("2025-05-01T03:00:00Z");
    static final Instant DUE_AT = PLACED_AT.plus(Duration.ofHours(24));
    static final UUID CUSTOMER_ID = UUID.fromString("00000000-0000-0000-0000-00000000c001");
    static final Actor CUSTOMER = new Actor(Actor.Type.CUSTOMER, CUSTOMER_ID.toString());
    static final Actor ADMIN = new Actor(Actor.Type.ADMIN, "admin-7");

    private OrderFixtures() {
    }

    static PricingSnapshot pricing() {
        return new PricingSnapshot(BillingPeriod.MONTHLY, Money.rupiah(150_000), Money.rupiah(15_000), "Launch",
                Money.ZERO, null, Money.rupiah(135_000));
    }

    static Order newOrder() {
        return Order.place(CUSTOMER_ID, plan(), image(), new Hostname("web-1"), "sgp1", pricing(),
                List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIabc user@laptop"), CUSTOMER, PLACED_AT, DUE_AT);
    }

    /** An order rebuilt from storage in the given status, with no history. */
    static Order orderIn(OrderStatus status) {
        return new Order(UUID.randomUUID(), CUSTOMER_ID, status, plan(), image(), new Hostname("web-1"), "sgp1",
                pricing(), List.of(), PLACED_AT, DUE_AT, null, null, null, null, List.of(), 3);
    }

    static PlanSnapshot plan() {
        return new PlanSnapshot(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), "Basic 1GB", "s-1vcpu-1gb",
                1, 1024, 25, 1);
    }

    static ImageSnapshot image() {
        return new ImageSnapshot(UUID.fromString("00000000-0000-0000-0000-0000000000b1"), "Ubuntu 24.04",
                "ubuntu-24-04-x64");
    }
}
