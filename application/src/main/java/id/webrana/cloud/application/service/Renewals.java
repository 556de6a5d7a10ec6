package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.out.InstanceEventRepository;
import id.webrana.cloud.application.port.out.InstanceRepository;
import id.webrana.cloud.application.port.out.InvoiceRepository;
import id.webrana.cloud.application.port.out.Notifier;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.port.out.PaymentRepository;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.application.port.out.WalletRepository;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.Payment;
import id.webrana.cloud.domain.billing.PaymentMethod;
import id.webrana.cloud.domain.billing.Wallet;
import id.webrana.cloud.domain.billing.WalletEntry;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Renewal invoices and what paying one does, shared by billing (a customer pays through Tripay or the
 * wallet) and the lifecycle scheduler (auto-renewal from the wallet).
 *
 * <p>Lock order, as everywhere: the instance (the invoice's subject) before the invoice before the
 * wallet. Every method runs in the caller's transaction, with the instance already locked.
 */
public final class Renewals {

    private final InstanceRepository instances;
    private final InstanceEventRepository events;
    private final InvoiceRepository invoices;
    private final InvoiceFactory invoiceFactory;
    private final WalletRepository wallets;
    private final PaymentRepository payments;
    private final UserRepository users;
    private final Notifier notifier;
    private final LifecycleSettings settings;
    private final BillingSettings billing;

    public Renewals(InstanceRepository instances, InstanceEventRepository events, InvoiceRepository invoices,
                    WalletRepository wallets, PaymentRepository payments, UserRepository users, Notifier notifier,
                    LifecycleSettings settings, BillingSettings billing) {
        this.instances = instances;
        this.events = events;
        this.invoices = invoices;
        this.invoiceFactory = new InvoiceFactory(invoices, billing);
        this.wallets = wallets;
        this.payments = payments;
        this.users = users;
        this.notifier = notifier;
        this.settings = settings;
        this.billing = billing;
    }

    /** For a renewal invoice, its instance locked (to be called before the invoice is locked). */
    public Optional<Instance> lockSubjectOf(Invoice invoice) {
        if (invoice.purpose() != InvoicePurpose.RENEWAL || invoice.subjectId() == null) {
            return Optional.empty();
        }
        return instances.findByIdForUpdate(invoice.subjectId());
    }

    /** The instance's renewal invoice still waiting for payment, if any. */
    public Optional<Invoice> openInvoice(Instance instance) {
        return invoices.findLatestFor(InvoicePurpose.RENEWAL, instance.id()).filter(Invoice::isUnpaid);
    }

    /**
     * The open renewal invoice, or a new one for the period after the current expiry, payable until
     * the server would be destroyed (paying lifts a suspension).
     *
     * @return the invoice and whether this call raised it
     */
    public Raised raise(Instance locked, Instant now) {
        if (locked.status() == Instance.Status.TERMINATED) {
            throw new DomainException(ErrorCode.INSTANCE_TERMINATED, "Server " + locked.hostname()
                    + " has been terminated");
        }
        Optional<Invoice> open = openInvoice(locked);
        if (open.isPresent()) {
            return new Raised(open.get(), false);
        }
        User user = users.findById(locked.userId()).orElseThrow(
                () -> new DomainException(ErrorCode.USER_NOT_FOUND, "Unknown user"));
        Instant dueAt = locked.status() == Instance.Status.SUSPENDED && locked.suspendedAt() != null
                ? locked.suspendedAt().plus(settings.policy().retention())
                : locked.expiresAt().plus(settings.policy().grace()).plus(settings.policy().retention());
        if (dueAt.isBefore(now.plus(Duration.ofHours(1)))) {
            dueAt = now.plus(Duration.ofHours(1));
        }
        return new Raised(invoiceFactory.forRenewal(locked, user, now, dueAt), true);
    }

    /**
     * Pays the locked instance's open renewal invoice from the wallet if the balance covers it.
     *
     * @return true if paid (the instance is renewed), false if the balance is short
     */
    public boolean payFromWalletIfPossible(Instance locked, Invoice unlockedInvoice, Actor actor, Instant now) {
        if (wallets.find(locked.userId()).balance().rupiah() < unlockedInvoice.total().rupiah()) {
            return false; // short: decided without locking the wallet (the caller may go on to call the provider)
        }
        Invoice invoice = invoices.findByIdForUpdate(unlockedInvoice.id()).orElseThrow();
        if (!invoice.isUnpaid()) {
            return false;
        }
        Wallet wallet = wallets.lockForUpdate(locked.userId());
        if (wallet.balance().rupiah() < invoice.total().rupiah()) {
            return false;
        }
        payFromWallet(locked, invoice, wallet, actor, now);
        return true;
    }

    /** Debits the locked wallet for the locked invoice and renews the locked instance. */
    void payFromWallet(Instance locked, Invoice invoice, Wallet wallet, Actor actor, Instant now) {
        WalletEntry entry = wallet.debit(invoice.total(), WalletEntryType.RENEWAL, invoice.number(),
                "Perpanjangan " + locked.hostname() + " (" + invoice.number() + ")", actor, now);
        wallets.save(wallet);
        invoice.markPaid(new PaymentMethod(PaymentMethod.WALLET, PaymentMethod.WALLET, "Saldo dompet",
                entry.id().toString()), invoice.total(), now);
        invoices.save(invoice);
        payments.insert(new Payment(UUID.randomUUID(), PaymentMethod.WALLET, invoice.number(), invoice.id(),
                invoice.userId(), PaymentMethod.WALLET, "Saldo dompet", invoice.total(), invoice.total(), now, now,
                Payment.Outcome.SETTLED_INVOICE));
        renewalPaid(locked, invoice, actor, "Saldo dompet", now);
    }

    /**
     * A renewal invoice of the locked instance has just been marked paid (in this transaction): one
     * more period; a server suspended for non-payment is due for unsuspension at once.
     */
    public void renewalPaid(Instance locked, Invoice invoice, Actor actor, String paidWith, Instant now) {
        events.append(locked.renew(actor, "invoice " + invoice.number(), now));
        instances.save(locked);
        notifyOwner(locked, "VPS_RENEWED", Map.of("expiresAt", locked.expiresAt().toString(),
                "invoiceNumber", invoice.number(), "amount", Long.toString(invoice.total().rupiah()),
                "paidWith", paidWith == null ? "" : paidWith), "VPS_RENEWED:" + invoice.id());
    }

    /** Whether a payment for a renewal invoice can still renew the instance. */
    public boolean canRenew(Instance instance) {
        return instance.status() != Instance.Status.TERMINATED;
    }

    void notifyOwner(Instance instance, String template, Map<String, String> variables, String dedupeKey) {
        users.findById(instance.userId()).ifPresent(u -> {
            Map<String, String> all = new HashMap<>(variables);
            all.put("name", u.fullName());
            all.put("hostname", instance.hostname() == null ? "" : instance.hostname());
            notifier.notify(Notification.email(template, u.email().value(), all, dedupeKey));
        });
    }

    String invoiceLink(Invoice invoice) {
        return billing.invoiceUrl(invoice.id());
    }

    /** @param raised true if this call issued it */
    public record Raised(Invoice invoice, boolean raised) {
    }
}
