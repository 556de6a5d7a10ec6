package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.out.InvoiceRepository;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Buyer;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoiceLine;
import id.webrana.cloud.domain.billing.InvoiceNumber;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.catalog.PricingSnapshot;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.shared.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Issues invoices with the month's next number; call inside a transaction. */
public final class InvoiceFactory {

    private final InvoiceRepository invoices;
    private final BillingSettings settings;

    public InvoiceFactory(InvoiceRepository invoices, BillingSettings settings) {
        this.invoices = invoices;
        this.settings = settings;
    }

    /** The invoice of a new order: the plan at its base price, then the promo and coupon as discount lines. */
    public Invoice forOrder(Order order, User user, Instant now) {
        PricingSnapshot p = order.pricing();
        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(new InvoiceLine("VPS " + order.plan().name() + " (" + periodName(p.period().name()) + ") — "
                + order.hostname().value(), p.basePrice().rupiah(), 1));
        if (!p.promoDiscount().isZero()) {
            lines.add(new InvoiceLine("Promo " + (p.promoName() == null ? "" : p.promoName()).trim(),
                    -p.promoDiscount().rupiah(), 1));
        }
        if (!p.couponDiscount().isZero()) {
            lines.add(new InvoiceLine("Kupon " + p.couponCode(), -p.couponDiscount().rupiah(), 1));
        }
        return issue(user, InvoicePurpose.ORDER, order.id(), lines, now, order.paymentDueAt());
    }

    /**
     * The renewal of a server for the period after {@code instance.expiresAt()}, at the server's renewal
     * price, payable until {@code dueAt} (the end of the retention: paying lifts a suspension).
     */
    public Invoice forRenewal(id.webrana.cloud.domain.provisioning.Instance instance, User user, Instant now,
                              Instant dueAt) {
        Instant until = instance.period().addTo(instance.expiresAt());
        return issue(user, InvoicePurpose.RENEWAL, instance.id(),
                List.of(new InvoiceLine("Perpanjangan VPS " + instance.hostname() + " ("
                        + periodName(instance.period().name()) + ") s/d " + until.toString().substring(0, 10),
                        instance.renewalPrice().rupiah(), 1)), now, dueAt);
    }

    /** A wallet top-up. */
    public Invoice forDeposit(User user, Money amount, Instant now) {
        return issue(user, InvoicePurpose.DEPOSIT, null,
                List.of(new InvoiceLine("Isi saldo dompet WeBrana", amount.rupiah(), 1)), now,
                now.plus(settings.depositWindow()));
    }

    private Invoice issue(User user, InvoicePurpose purpose, java.util.UUID subject, List<InvoiceLine> lines,
                          Instant now, Instant dueAt) {
        String period = InvoiceNumber.period(now);
        String number = InvoiceNumber.format(period, invoices.nextSequence(period));
        Invoice invoice = Invoice.issue(number, user.id(), purpose, subject,
                new Buyer(user.fullName(), user.email().value(), user.phone()), lines,
                purpose == InvoicePurpose.DEPOSIT ? 0 : settings.taxBasisPoints(), now, dueAt);
        invoices.save(invoice);
        return invoice;
    }

    static String periodName(String period) {
        return switch (period) {
            case "DAILY" -> "harian";
            case "MONTHLY" -> "1 bulan";
            case "YEARLY" -> "1 tahun";
            default -> period;
        };
    }
}
