package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.domain.account.EmailAddress;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Buyer;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoiceLine;
import id.webrana.cloud.domain.billing.InvoiceNumber;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.PaymentAttempt;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.order.Hostname;
import id.webrana.cloud.domain.order.ImageSnapshot;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.PlanSnapshot;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Ids of the demo seed (0002-demo-catalog.sql) and builders of users, orders, invoices and payment attempts. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    static final UUID PLAN_BASIC_1GB = UUID.fromString("22222222-0000-0000-0000-000000000001");
    static final UUID PLAN_BASIC_2GB = UUID.fromString("22222222-0000-0000-0000-000000000002");
    static final UUID PLAN_STANDARD_2VCPU = UUID.fromString("22222222-0000-0000-0000-000000000003");
    static final UUID PLAN_STANDARD_4GB = UUID.fromString("22222222-0000-0000-0000-000000000004");
    static final UUID PLAN_PERFORMANCE_8GB = UUID.fromString("22222222-0000-0000-0000-000000000005");
    static final List<UUID> DEMO_PLANS = List.of(PLAN_BASIC_1GB, PLAN_BASIC_2GB, PLAN_STANDARD_2VCPU,
            PLAN_STANDARD_4GB, PLAN_PERFORMANCE_8GB);

    static final UUID IMAGE_UBUNTU_2404 = UUID.fromString("11111111-0000-0000-0000-000000002404");
    static final UUID IMAGE_UBUNTU_2204 = UUID.fromString("11111111-0000-0000-0000-000000002204");
    static final UUID IMAGE_DEBIAN_12 = UUID.fromString("11111111-0000-0000-0000-000000000012");
    static final UUID IMAGE_ROCKY_9 = UUID.fromString("11111111-0000-0000-0000-000000000009");
    static final List<UUID> DEMO_IMAGES = List.of(IMAGE_UBUNTU_2404, IMAGE_UBUNTU_2204, IMAGE_DEBIAN_12,
            IMAGE_ROCKY_9);

    static final String SSH_KEY_1 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop";
    static final String SSH_KEY_2 = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vbqajDhA9S8xZ1yXWZ bob@desk";

    private Fixtures() {
    }

    static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static User newUser(String who) {
        return User.register(new EmailAddress(uniqueEmail(who)), "$2a$12$hash-of-" + who, "Test " + who,
                "+62 812-3456-7890", T0);
    }

    static PlanSnapshot basicPlan() {
        return new PlanSnapshot(PLAN_BASIC_1GB, "Basic 1 GB", "s-1vcpu-1gb", 1, 1024, 25, 1);
    }

    static ImageSnapshot ubuntu() {
        return new ImageSnapshot(IMAGE_UBUNTU_2404, "Ubuntu 24.04 LTS", "ubuntu-24-04-x64");
    }

    /** Basic 1 GB monthly with a promo and HEMAT10: 90 000 - 5 000 - 8 500 = 76 500. */
    static PricingSnapshot pricing() {
        return new PricingSnapshot(BillingPeriod.MONTHLY, Money.rupiah(90_000), Money.rupiah(5_000), "Promo Juni",
                Money.rupiah(8_500), "HEMAT10", Money.rupiah(76_500));
    }

    static Actor customer(UUID userId) {
        return new Actor(Actor.Type.CUSTOMER, userId.toString());
    }

    static Order newOrder(UUID userId, String hostname, Instant createdAt) {
        return newOrder(userId, hostname, createdAt, createdAt.plus(Duration.ofHours(24)));
    }

    static Order newOrder(UUID userId, String hostname, Instant createdAt, Instant paymentDueAt) {
        return Order.place(userId, basicPlan(), ubuntu(), new Hostname(hostname), "sgp1", pricing(),
                List.of(SSH_KEY_1, SSH_KEY_2), customer(userId), createdAt, paymentDueAt);
    }

    static ProvisioningTask taskDueAt(UUID orderId, Instant due) {
        return new ProvisioningTask(UUID.randomUUID(), orderId, ProvisioningTask.Status.PENDING, null, 0, due,
                due.plus(Duration.ofHours(1)), null, due, due, 0);
    }

    /** An unpaid order invoice: Basic 1 GB 90 000, promo -5 000, coupon -8 500, PPN 11 % on 76 500 = 8 415. */
    static Invoice orderInvoice(User user, String number, UUID orderId, Instant issuedAt, Instant dueAt) {
        return Invoice.issue(number, user.id(), InvoicePurpose.ORDER, orderId,
                new Buyer(user.fullName(), user.email().value(), user.phone()),
                List.of(new InvoiceLine("VPS Basic 1 GB (1 bulan) — web-1", 90_000, 1),
                        new InvoiceLine("Promo Juni", -5_000, 1), new InvoiceLine("Kupon HEMAT10", -8_500, 1)),
                1100, issuedAt, dueAt);
    }

    /** An unpaid wallet top-up invoice without tax. */
    static Invoice depositInvoice(User user, String number, long amount, Instant issuedAt, Instant dueAt) {
        return Invoice.issue(number, user.id(), InvoicePurpose.DEPOSIT, null,
                new Buyer(user.fullName(), user.email().value(), null),
                List.of(new InvoiceLine("Isi saldo dompet WeBrana", amount, 1)), 0, issuedAt, dueAt);
    }

    /** A payment attempt at TRIPAY with a virtual account number and two instruction blocks. */
    static PaymentAttempt attempt(Invoice invoice, int n, Instant createdAt) {
        String merchantRef = InvoiceNumber.merchantRef(invoice.number(), n);
        return new PaymentAttempt(UUID.randomUUID(), invoice.id(), "TRIPAY", "DEV-T" + UUID.randomUUID().toString()
                .replace("-", "").substring(0, 12).toUpperCase(), merchantRef, "BRIVA", "BRI Virtual Account",
                invoice.total(), Money.rupiah(4_250), invoice.total().plus(Money.rupiah(4_250)), "8277087712345678",
                null, "https://tripay.co.id/checkout/" + merchantRef, null, null, "UNPAID",
                createdAt.plus(Duration.ofHours(24)), createdAt,
                List.of(new PaymentAttempt.Instruction("Internet Banking", List.of("Login ke <b>BRI</b> \"IB\"",
                                "Pilih Pembayaran → BRIVA", "Masukkan 8277087712345678")),
                        new PaymentAttempt.Instruction("ATM", List.of("Pilih menu lain\nlalu BRIVA"))));
    }
}
