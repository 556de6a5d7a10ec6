package id.webrana.cloud.application.service;

import id.webrana.cloud.application.port.in.AdminBillingUseCase;
import id.webrana.cloud.application.port.in.InvoicesUseCase;
import id.webrana.cloud.application.port.in.PaymentCallbackUseCase;
import id.webrana.cloud.application.port.in.ReconcilePaymentsUseCase;
import id.webrana.cloud.application.port.in.WalletUseCase;
import id.webrana.cloud.application.port.out.InvoiceDocumentRenderer;
import id.webrana.cloud.application.port.out.InvoiceDocumentRenderer.InvoiceDocument;
import id.webrana.cloud.application.port.out.InvoiceRepository;
import id.webrana.cloud.domain.billing.InvoiceSearch;
import id.webrana.cloud.application.port.out.Notifier;
import id.webrana.cloud.application.port.out.Notifier.Notification;
import id.webrana.cloud.application.port.out.OrderRepository;
import id.webrana.cloud.application.port.out.PaymentAttemptRepository;
import id.webrana.cloud.application.port.out.PaymentCallbackLog;
import id.webrana.cloud.domain.billing.CallbackRecord;
import id.webrana.cloud.application.port.out.PaymentGateway;
import id.webrana.cloud.application.port.out.PaymentGateway.GatewayStatus;
import id.webrana.cloud.application.port.out.PaymentGateway.GatewayTransaction;
import id.webrana.cloud.application.port.out.PaymentGateway.PaymentCallback;
import id.webrana.cloud.domain.billing.PaymentChannel;
import id.webrana.cloud.application.port.out.PaymentGatewayException;
import id.webrana.cloud.application.port.out.PaymentRepository;
import id.webrana.cloud.domain.billing.PaymentSearch;
import id.webrana.cloud.application.port.out.ProvisioningWakeUp;
import id.webrana.cloud.application.port.out.TransactionRunner;
import id.webrana.cloud.application.port.out.UserRepository;
import id.webrana.cloud.application.port.out.WalletRepository;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoiceNumber;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.InvoiceStatus;
import id.webrana.cloud.domain.billing.Payment;
import id.webrana.cloud.domain.billing.PaymentAttempt;
import id.webrana.cloud.domain.billing.PaymentMethod;
import id.webrana.cloud.domain.billing.Wallet;
import id.webrana.cloud.domain.billing.WalletEntry;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Billing: invoices, gateway payments, the wallet, callbacks and reconciliation.
 *
 * <p>Exactly-once payments rest on three things: every change to an invoice happens under its row
 * lock (after its order's lock, before the wallet's: one lock order everywhere, so no deadlocks);
 * money received is recorded once per (gateway, reference), checked under that lock and enforced by a
 * unique constraint; and a callback is acknowledged only after the transaction that records it has
 * committed. Money that arrives for an invoice that can no longer be settled (its order expired or
 * was rejected, or it was already paid another way) is credited to the customer's wallet, never lost.
 */
public class BillingService implements InvoicesUseCase, WalletUseCase, PaymentCallbackUseCase,
        ReconcilePaymentsUseCase, AdminBillingUseCase {

    private static final Logger LOG = Logger.getLogger(BillingService.class.getName());
    private static final Actor GATEWAY_ACTOR = Actor.system("payment-gateway");
    private static final Actor RECONCILER = Actor.system("payment-reconciliation");
    static final String WALLET = PaymentMethod.WALLET;

    private final InvoiceRepository invoices;
    private final PaymentAttemptRepository attempts;
    private final PaymentRepository payments;
    private final WalletRepository wallets;
    private final PaymentCallbackLog callbackLog;
    private final OrderRepository orders;
    private final UserRepository users;
    private final OrderService orderService;
    private final PaymentGateway gateway;
    private final InvoiceDocumentRenderer renderer;
    private final Notifier notifier;
    private final ProvisioningWakeUp wakeUp;
    private final TransactionRunner tx;
    private final Clock clock;
    private final BillingSettings settings;
    private final InvoiceFactory invoiceFactory;
    private final Renewals renewals;

    public BillingService(InvoiceRepository invoices, PaymentAttemptRepository attempts, PaymentRepository payments,
                          WalletRepository wallets, PaymentCallbackLog callbackLog, OrderRepository orders,
                          UserRepository users, OrderService orderService, PaymentGateway gateway,
                          InvoiceDocumentRenderer renderer, Notifier notifier, ProvisioningWakeUp wakeUp,
                          TransactionRunner tx, Clock clock, BillingSettings settings, Renewals renewals) {
        this.renewals = renewals;
        this.invoices = invoices;
        this.attempts = attempts;
        this.payments = payments;
        this.wallets = wallets;
        this.callbackLog = callbackLog;
        this.orders = orders;
        this.users = users;
        this.orderService = orderService;
        this.gateway = gateway;
        this.renderer = renderer;
        this.notifier = notifier;
        this.wakeUp = wakeUp;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.invoiceFactory = new InvoiceFactory(invoices, settings);
    }

    // ------------------------------------------------------------------ invoices

    @Override
    public Invoice createInvoice(CreateInvoiceCommand c) {
        if ((c.orderId() == null) == (c.depositAmount() == null)) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Give either orderId or depositAmount");
        }
        if (c.depositAmount() != null) {
            return requestDeposit(c.userId(), c.depositAmount());
        }
        return tx.inTransaction(() -> {
            Order order = orders.findByIdForUpdate(c.orderId()).orElseThrow(
                    () -> new DomainException(ErrorCode.ORDER_NOT_FOUND, "Order " + c.orderId() + " not found"));
            if (!order.isOwnedBy(c.userId())) {
                throw new DomainException(ErrorCode.ORDER_ACCESS_DENIED, "Order " + c.orderId()
                        + " belongs to another account");
            }
            Optional<Invoice> existing = invoices.findLatestFor(InvoicePurpose.ORDER, order.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            if (order.status() != OrderStatus.PENDING_PAYMENT) {
                throw new DomainException(ErrorCode.INVOICE_NOT_PAYABLE, "Order " + order.id() + " is "
                        + order.status() + " and needs no invoice");
            }
            return invoiceFactory.forOrder(order, user(c.userId()), clock.instant());
        });
    }

    @Override
    public Page<Invoice> listInvoices(UUID userId, PageRequest page) {
        return tx.inTransaction(() -> invoices.findByUser(userId, page));
    }

    @Override
    public InvoiceDetails getInvoice(UUID userId, UUID invoiceId) {
        return tx.inTransaction(() -> details(owned(userId, invoiceId)));
    }

    @Override
    public InvoiceDetails invoice(UUID invoiceId) {
        return tx.inTransaction(() -> details(invoices.findById(invoiceId).orElseThrow(() -> notFound(invoiceId))));
    }

    @Override
    public Page<Payment> paymentHistory(UUID userId, PageRequest page) {
        return tx.inTransaction(() -> payments.search(new PaymentSearch(userId, null, null, null, null), page));
    }

    @Override
    public List<PaymentChannel> paymentChannels() {
        try {
            return gateway.channels();
        } catch (PaymentGatewayException e) {
            throw gatewayFailure(e);
        }
    }

    @Override
    public InvoiceDetails pay(PayInvoiceCommand c) {
        String method = c.method() == null ? "" : c.method().trim().toUpperCase(Locale.ROOT);
        if (method.isEmpty()) {
            throw new DomainException(ErrorCode.INVALID_PAYMENT_METHOD, "Choose a payment method");
        }
        if (method.equals(WALLET)) {
            payFromWallet(c.userId(), c.invoiceId());
            return getInvoice(c.userId(), c.invoiceId());
        }
        return payThroughGateway(c.userId(), c.invoiceId(), method);
    }

    private void payFromWallet(UUID userId, UUID invoiceId) {
        boolean orderPaid = tx.inTransaction(() -> {
            Invoice unlocked = owned(userId, invoiceId);
            if (unlocked.purpose() == InvoicePurpose.DEPOSIT) {
                throw new DomainException(ErrorCode.INVALID_PAYMENT_METHOD, "A top-up cannot be paid from the wallet");
            }
            Instant now = clock.instant();
            Optional<Order> order = lockOrderOf(unlocked);
            Optional<Instance> instance = renewals.lockSubjectOf(unlocked);
            Invoice invoice = lock(invoiceId);
            invoice.requirePayable(now);
            order.ifPresent(BillingService::requireAwaitingPayment);
            if (instance.isPresent() && !renewals.canRenew(instance.get())) {
                throw new DomainException(ErrorCode.INVOICE_NOT_PAYABLE, "Server " + instance.get().hostname()
                        + " has been terminated");
            }
            String reference = invoice.number();
            if (!invoice.total().isZero()) {
                Wallet wallet = wallets.lockForUpdate(userId);
                WalletEntry entry = wallet.debit(invoice.total(),
                        invoice.purpose() == InvoicePurpose.RENEWAL ? WalletEntryType.RENEWAL
                                : WalletEntryType.ORDER_PAYMENT,
                        reference, "Pembayaran " + invoice.number(), customer(userId), now);
                wallets.save(wallet);
                reference = entry.id().toString();
            }
            PaymentMethod paid = new PaymentMethod(WALLET, WALLET, "Saldo dompet", reference);
            invoice.markPaid(paid, invoice.total(), now);
            invoices.save(invoice);
            payments.insert(new Payment(UUID.randomUUID(), WALLET, invoice.number(), invoice.id(), userId, WALLET,
                    "Saldo dompet", invoice.total(), invoice.total(), now, now, Payment.Outcome.SETTLED_INVOICE));
            order.ifPresent(o -> orderService.settlePaidOrder(o, customer(userId),
                    "paid from wallet, invoice " + invoice.number(), now, "Saldo dompet"));
            instance.ifPresent(i -> renewals.renewalPaid(i, invoice, customer(userId), "Saldo dompet", now));
            return order.isPresent();
        });
        if (orderPaid) {
            wakeUp.taskDue();
        }
    }

    private InvoiceDetails payThroughGateway(UUID userId, UUID invoiceId, String method) {
        Instant now = clock.instant();
        Invoice invoice = tx.inTransaction(() -> owned(userId, invoiceId));
        invoice.requirePayable(now);
        PaymentChannel channel = paymentChannels().stream().filter(ch -> ch.code().equalsIgnoreCase(method))
                .findFirst().orElseThrow(() -> new DomainException(ErrorCode.INVALID_PAYMENT_METHOD,
                        "Unknown or unavailable payment method: " + method));
        if (!channel.accepts(invoice.total())) {
            throw new DomainException(ErrorCode.INVALID_PAYMENT_METHOD, channel.name() + " does not accept "
                    + invoice.total() + " (limits " + channel.minimumAmount() + " – " + channel.maximumAmount() + ")");
        }
        if (PHONE_REQUIRED.contains(channel.code())) {
            String phone = tx.inTransaction(() -> user(userId)).phone();
            if (phone == null || phone.isBlank()) {
                throw new DomainException(ErrorCode.INVALID_PAYMENT_METHOD, channel.name()
                        + " needs a phone number on your profile; add one or choose another method");
            }
        }
        Duration minimum = minimumLifetime(channel);
        if (invoice.dueAt().isBefore(now.plus(minimum))) {
            throw new DomainException(ErrorCode.INVALID_PAYMENT_METHOD, channel.name() + " needs at least "
                    + minimum.toMinutes() + " minutes to pay, and invoice " + invoice.number() + " is due at "
                    + invoice.dueAt() + "; choose QRIS or the wallet");
        }
        // The attempt is stored before the gateway is called, so a callback for it is recognised even if this
        // process dies before it stores the gateway's answer.
        PaymentAttempt reserved = tx.inTransaction(() -> {
            Invoice locked = lock(invoiceId);
            locked.requirePayable(now);
            List<PaymentAttempt> existing = attempts.findByInvoice(invoiceId);
            Optional<PaymentAttempt> open = existing.stream()
                    .filter(a -> a.isOpen(now) && channel.code().equals(a.methodCode()) && a.isOpenedAtGateway())
                    .findFirst();
            if (open.isPresent()) {
                return open.get();
            }
            boolean beingOpened = existing.stream().anyMatch(a -> !a.isOpenedAtGateway()
                    && "UNPAID".equals(a.status()) && channel.code().equals(a.methodCode())
                    && a.createdAt().isAfter(now.minus(OPENING_GRACE)));
            if (beingOpened) {
                // a second click while the first request still waits for Tripay: never open two transactions
                throw new DomainException(ErrorCode.INVOICE_NOT_PAYABLE, "A " + channel.name()
                        + " payment for invoice " + locked.number() + " is being opened; try again in a moment");
            }
            String merchantRef = InvoiceNumber.merchantRef(locked.number(), attempts.countByInvoice(invoiceId) + 1);
            PaymentAttempt attempt = new PaymentAttempt(UUID.randomUUID(), invoiceId, gateway.name(),
                    PaymentAttempt.PROVISIONAL_PREFIX + merchantRef, merchantRef, channel.code(), channel.name(),
                    locked.total(), channel.customerFee(locked.total()),
                    locked.total().plus(channel.customerFee(locked.total())), null, null, null, null, null,
                    "UNPAID", attemptExpiry(locked, channel, now), now, List.of());
            attempts.save(attempt);
            return attempt;
        });
        if (reserved.isOpenedAtGateway()) {
            return withOpenAttempt(getInvoice(userId, invoiceId), reserved.id());
        }
        User user = tx.inTransaction(() -> user(userId));
        GatewayTransaction created;
        try {
            created = gateway.createTransaction(new PaymentGateway.CreatePaymentRequest(channel.code(),
                    reserved.merchantRef(), invoice.total(), user.fullName(), user.email().value(), user.phone(),
                    gatewayItems(invoice),
                    settings.callbackUrl(), settings.returnUrl(invoiceId), reserved.expiresAt()));
        } catch (PaymentGatewayException e) {
            if (e.kind() == PaymentGatewayException.Kind.REJECTED) {
                tx.inTransaction(() -> attempts.save(reserved.withStatus("FAILED")));
            }
            // UNAVAILABLE: the transaction may exist at Tripay (timeout after it was opened). The attempt stays
            // provisional; the reconciliation sweep looks it up by merchant reference and adopts or closes it.
            throw gatewayFailure(e);
        }
        tx.inTransaction(() -> {
            lock(invoiceId); // a callback for this transaction may have arrived meanwhile and adopted it
            PaymentAttempt current = attempts.findByMerchantRef(reserved.merchantRef()).orElse(reserved);
            PaymentAttempt opened = reserved.openedAt(created.reference(), created.methodName(),
                    created.customerFee(), created.totalAmount(), created.payCode(), created.payUrl(),
                    created.checkoutUrl(), created.qrString(), created.qrUrl(),
                    created.expiresAt() == null ? reserved.expiresAt() : created.expiresAt(),
                    created.instructions().stream().map(i -> new PaymentAttempt.Instruction(i.title(), i.steps()))
                            .toList());
            attempts.save(opened.withStatus(current.status()));
        });
        return withOpenAttempt(getInvoice(userId, invoiceId), reserved.id());
    }

    /** The details with the attempt the customer just chose as the one to pay. */
    private static InvoiceDetails withOpenAttempt(InvoiceDetails details, UUID attemptId) {
        PaymentAttempt chosen = details.attempts().stream().filter(a -> a.id().equals(attemptId)).findFirst()
                .orElse(details.openAttempt());
        return new InvoiceDetails(details.invoice(), details.attempts(),
                details.invoice().isUnpaid() ? chosen : null, details.payments());
    }

    /** Channels for which Tripay requires the customer's phone number. */
    private static final java.util.Set<String> PHONE_REQUIRED = java.util.Set.of("OVO");
    /** How long an attempt may wait for Tripay's answer before a new one for the same channel is allowed. */
    private static final Duration OPENING_GRACE = Duration.ofSeconds(30);

    /**
     * The shortest expiry Tripay accepts for a channel (CONTRACT.md §2.3): an hour for BRI/Mandiri/Permata
     * virtual accounts and Alfamart/Alfamidi, ten minutes for QRIS, a quarter of an hour otherwise.
     */
    static Duration minimumLifetime(PaymentChannel channel) {
        String code = channel.code();
        if (code.startsWith("QRIS")) {
            return Duration.ofMinutes(10);
        }
        if (java.util.Set.of("BRIVA", "MANDIRIVA", "PERMATAVA", "ALFAMART", "ALFAMIDI").contains(code)) {
            return Duration.ofMinutes(60);
        }
        return Duration.ofMinutes(15);
    }

    private Instant attemptExpiry(Invoice invoice, PaymentChannel channel, Instant now) {
        // one minute under the configured maximum: 24 h is exactly some channels' limit (1 440 min)
        Instant latest = now.plus(settings.maxAttemptLifetime()).minus(Duration.ofMinutes(1));
        if (channel.code().startsWith("QRIS") || channel.redirect()) {
            // QRIS and redirect e-wallets (DANA, ShopeePay: 15-60 min at Tripay) are opened for an hour
            latest = now.plus(Duration.ofHours(1));
        }
        return invoice.dueAt().isBefore(latest) ? invoice.dueAt() : latest;
    }

    @Override
    public InvoiceDetails refreshPaymentStatus(UUID userId, UUID invoiceId) {
        InvoiceDetails before = getInvoice(userId, invoiceId);
        if (before.invoice().isUnpaid()) {
            for (PaymentAttempt attempt : before.attempts()) {
                if ("UNPAID".equals(attempt.status()) && attempt.isOpenedAtGateway()) {
                    checkAtGateway(attempt);
                }
            }
        }
        return getInvoice(userId, invoiceId);
    }

    @Override
    public byte[] invoicePdf(UUID userId, UUID invoiceId) {
        return renderer.render(document(tx.inTransaction(() -> owned(userId, invoiceId))));
    }

    @Override
    public byte[] invoicePdf(UUID invoiceId) {
        return renderer.render(document(tx.inTransaction(
                () -> invoices.findById(invoiceId).orElseThrow(() -> notFound(invoiceId)))));
    }

    private InvoiceDocument document(Invoice i) {
        List<InvoiceDocumentRenderer.Line> lines = i.lines().stream()
                .map(l -> new InvoiceDocumentRenderer.Line(l.description(), l.unitPrice(), l.quantity(), l.amount()))
                .toList();
        String taxLabel = i.taxBasisPoints() == 0 ? null : settings.taxLabel() + " "
                + new java.math.BigDecimal(i.taxBasisPoints()).movePointLeft(2).stripTrailingZeros().toPlainString()
                + "%";
        PaymentMethod pm = i.paymentMethod();
        return new InvoiceDocument(i.number(), i.status().name(), settings.sellerName(), settings.sellerDetails(),
                i.buyer().name(), i.buyer().email(), i.buyer().phone(), i.issuedAt(), i.dueAt(), i.paidAt(), lines,
                i.subtotal(), taxLabel, i.tax().rupiah(), i.total().rupiah(), pm == null ? null : pm.name(),
                pm == null || PaymentMethod.MANUAL.equals(pm.gateway()) ? null : pm.reference(),
                i.statusReason());
    }

    // ------------------------------------------------------------------ wallet

    @Override
    public Money balance(UUID userId) {
        return tx.inTransaction(() -> wallets.find(userId).balance());
    }

    @Override
    public Page<WalletEntry> walletEntries(UUID userId, PageRequest page) {
        return tx.inTransaction(() -> wallets.entries(userId, page));
    }

    @Override
    public Invoice requestDeposit(UUID userId, long amount) {
        if (amount < settings.depositMinimum() || amount > settings.depositMaximum()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "A top-up must be between "
                    + Money.rupiah(settings.depositMinimum()) + " and " + Money.rupiah(settings.depositMaximum()));
        }
        return tx.inTransaction(() -> {
            User user = user(userId);
            user.requireEnabled();
            return invoiceFactory.forDeposit(user, Money.rupiah(amount), clock.instant());
        });
    }

    @Override
    public WalletEntry adjust(AdjustWalletCommand c) {
        if (c.reason() == null || c.reason().isBlank()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "An adjustment needs a reason");
        }
        if (c.reason().length() > 500) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "The reason is longer than 500 characters");
        }
        if (c.amount() == 0) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "An adjustment moves money: amount cannot be 0");
        }
        return tx.inTransaction(() -> {
            user(c.userId());
            Instant now = clock.instant();
            Wallet wallet = wallets.lockForUpdate(c.userId());
            String reference = "ADJ-" + UUID.randomUUID();
            WalletEntry entry = c.amount() > 0
                    ? wallet.credit(Money.rupiah(c.amount()), WalletEntryType.ADJUSTMENT, reference, c.reason().trim(),
                    c.actor(), now)
                    : wallet.debit(Money.rupiah(-c.amount()), WalletEntryType.ADJUSTMENT, reference, c.reason().trim(),
                    c.actor(), now);
            wallets.save(wallet);
            return entry;
        });
    }

    // ------------------------------------------------------------------ callbacks

    @Override
    public CallbackResult handleCallback(byte[] rawBody, String signature, String event) {
        byte[] body = rawBody == null ? new byte[0] : rawBody;
        if (!gateway.isAuthenticCallback(body, signature)) {
            alertOperators("PAYMENT_CALLBACK_REFUSED", "signature", "A callback with an invalid signature was refused");
            // unauthenticated input: keep only its beginning as evidence
            byte[] evidence = body.length > 500 ? java.util.Arrays.copyOf(body, 500) : body;
            return logged(evidence, null, "REFUSED_SIGNATURE", "Invalid signature", false);
        }
        if (!"payment_status".equals(event)) {
            alertOperators("PAYMENT_CALLBACK_REFUSED", "event", "A signed callback with event " + event
                    + " was refused");
            return logged(body, null, "REFUSED_EVENT", "Unsupported callback event: " + event, false);
        }
        PaymentCallback callback;
        try {
            callback = gateway.parseCallback(body);
        } catch (PaymentGatewayException e) {
            alertOperators("PAYMENT_CALLBACK_REFUSED", "malformed", "A signed callback could not be read: "
                    + e.getMessage());
            return logged(body, null, "REFUSED_MALFORMED", "Malformed callback: " + e.getMessage(), false);
        }
        return logged(body, callback, apply(callback, GATEWAY_ACTOR));
    }

    private CallbackResult logged(byte[] body, PaymentCallback callback, Applied applied) {
        return logged(body, callback, applied.outcome(), applied.message(), applied.accepted());
    }

    private CallbackResult logged(byte[] body, PaymentCallback callback, String outcome, String message,
                                  boolean accepted) {
        String raw = new String(body, StandardCharsets.UTF_8);
        try {
            tx.inTransaction(() -> callbackLog.record(new CallbackRecord(UUID.randomUUID(), gateway.name(),
                    clock.instant(), callback == null ? null : callback.reference(),
                    callback == null ? null : callback.merchantRef(),
                    callback == null ? null : callback.status().name(), outcome, message,
                    raw.length() > 10_000 ? raw.substring(0, 10_000) : raw)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not log a payment callback (" + outcome + ")", e);
        }
        return new CallbackResult(accepted, outcome, message);
    }

    /** What applying a gateway status did. */
    private record Applied(boolean accepted, String outcome, String message, boolean orderPaid) {
    }

    /**
     * Applies a status reported by the gateway (callback or reconciliation) exactly once. Runs its own
     * transaction; a concurrent duplicate that slips past the check fails on the unique constraint
     * and is reported as a duplicate.
     */
    private Applied apply(PaymentCallback cb, Actor actor) {
        Applied applied;
        try {
            applied = tx.inTransaction(() -> applyInTransaction(cb, actor));
        } catch (DomainException e) {
            boolean recorded = (e.code() == ErrorCode.DUPLICATE_CODE || e.code() == ErrorCode.CONCURRENT_MODIFICATION)
                    && (cb.status() != GatewayStatus.PAID
                    || tx.inTransaction(() -> payments.findByReference(gateway.name(), cb.reference())).isPresent());
            if (recorded && cb.status() == GatewayStatus.PAID) {
                return new Applied(true, "DUPLICATE", "Payment " + cb.reference() + " was already recorded", false);
            }
            throw e; // nothing was recorded: no acknowledgement, the gateway delivers again
        }
        if (applied.orderPaid()) {
            wakeUp.taskDue();
        }
        if (applied.outcome().equals("REFUSED_AMOUNT_MISMATCH")) {
            alertOperators("PAYMENT_AMOUNT_MISMATCH", cb.reference(), applied.message());
        } else if (applied.outcome().startsWith("REFUSED")) {
            alertOperators("PAYMENT_CALLBACK_REFUSED", cb.reference(), applied.message());
        } else if (applied.outcome().equals("REFUND_REPORTED")) {
            alertOperators("PAYMENT_REFUNDED_AT_GATEWAY", cb.reference(), applied.message());
        }
        return applied;
    }

    private Applied applyInTransaction(PaymentCallback cb, Actor actor) {
        Optional<PaymentAttempt> found = attempts.findByReference(gateway.name(), cb.reference());
        if (found.isEmpty() && cb.merchantRef() != null) {
            found = attempts.findByMerchantRef(cb.merchantRef())
                    .filter(a -> a.reference().startsWith(PaymentAttempt.PROVISIONAL_PREFIX));
        }
        if (found.isEmpty()) {
            return new Applied(false, "REFUSED_UNKNOWN_REFERENCE", "Unknown transaction " + cb.reference(), false);
        }
        PaymentAttempt attempt = found.get();
        if (cb.merchantRef() != null && !cb.merchantRef().equals(attempt.merchantRef())) {
            return new Applied(false, "REFUSED_UNKNOWN_REFERENCE", "Transaction " + cb.reference()
                    + " belongs to " + attempt.merchantRef() + ", not " + cb.merchantRef(), false);
        }
        Invoice unlocked = invoices.findById(attempt.invoiceId()).orElseThrow(() -> notFound(attempt.invoiceId()));
        Optional<Order> order = lockOrderOf(unlocked);
        Optional<Instance> instance = renewals.lockSubjectOf(unlocked);
        Invoice invoice = lock(unlocked.id());
        Instant now = clock.instant();
        if (attempt.reference().startsWith(PaymentAttempt.PROVISIONAL_PREFIX)) {
            attempts.save(attempt.adopt(cb.reference()));
        }
        return switch (cb.status()) {
            case PAID -> applyPaid(cb, attempt, invoice, order, instance, actor, now);
            case EXPIRED, FAILED -> {
                if (!"PAID".equals(attempt.status())) {
                    attempts.save(attempt.adopt(cb.reference()).withStatus(cb.status().name()));
                }
                if (invoice.status() == InvoiceStatus.PAID) {
                    yield new Applied(true, "IGNORED", cb.status() + " after PAID is recorded and ignored", false);
                }
                yield new Applied(true, "ATTEMPT_CLOSED", "Transaction " + cb.reference() + " is " + cb.status()
                        + "; invoice " + invoice.number() + " stays " + invoice.status(), false);
            }
            case REFUND -> {
                attempts.save(attempt.adopt(cb.reference()).withStatus("REFUND"));
                yield new Applied(true, "REFUND_REPORTED", "The gateway refunded " + cb.reference()
                        + "; operators must review invoice " + invoice.number(), false);
            }
            case UNPAID -> new Applied(true, "IGNORED", "Still unpaid", false);
        };
    }

    private Applied applyPaid(PaymentCallback cb, PaymentAttempt attempt, Invoice invoice, Optional<Order> order,
                              Optional<Instance> instance,
                              Actor actor, Instant now) {
        if (payments.findByReference(gateway.name(), cb.reference()).isPresent()) {
            return new Applied(true, "DUPLICATE", "Payment " + cb.reference() + " was already recorded", false);
        }
        Money fee = cb.feeCustomer() == null ? Money.ZERO : cb.feeCustomer();
        long paidForInvoice = cb.totalAmount() == null ? -1 : cb.totalAmount().rupiah() - fee.rupiah();
        if (paidForInvoice != invoice.total().rupiah() || paidForInvoice != attempt.amount().rupiah()) {
            return new Applied(false, "REFUSED_AMOUNT_MISMATCH", "Transaction " + cb.reference() + " paid "
                    + cb.totalAmount() + " (fee " + fee + ") but invoice " + invoice.number() + " is for "
                    + invoice.total(), false);
        }
        attempts.save(attempt.adopt(cb.reference()).withStatus("PAID"));
        Instant paidAt = cb.paidAt() == null ? now : cb.paidAt();
        String methodName = cb.methodName() != null ? cb.methodName() : attempt.methodName();
        String methodCode = cb.methodCode() != null ? cb.methodCode() : attempt.methodCode();
        boolean settles = invoice.isUnpaid() && order.map(o -> o.status() == OrderStatus.PENDING_PAYMENT).orElse(true)
                && instance.map(renewals::canRenew).orElse(true);
        if (settles) {
            invoice.markPaid(new PaymentMethod(gateway.name(), methodCode, methodName, cb.reference()),
                    invoice.total(), paidAt);
            invoices.save(invoice);
            payments.insert(new Payment(UUID.randomUUID(), gateway.name(), cb.reference(), invoice.id(),
                    invoice.userId(), methodCode, methodName, invoice.total(), cb.totalAmount(), paidAt, now,
                    Payment.Outcome.SETTLED_INVOICE));
            if (order.isPresent()) {
                orderService.settlePaidOrder(order.get(), actor, "paid via " + methodName + " (" + cb.reference()
                        + ")", now, methodName);
                return new Applied(true, "SETTLED_INVOICE", "Invoice " + invoice.number() + " paid", true);
            }
            if (instance.isPresent()) {
                renewals.renewalPaid(instance.get(), invoice, actor, methodName, now);
            }
            if (invoice.purpose() == InvoicePurpose.DEPOSIT) {
                Wallet wallet = wallets.lockForUpdate(invoice.userId());
                wallet.credit(invoice.total(), WalletEntryType.DEPOSIT, invoice.number(),
                        "Isi saldo via " + methodName, actor, now);
                long bonus = settings.depositBonusFor(invoice.total().rupiah());
                if (bonus > 0) {
                    wallet.credit(Money.rupiah(bonus), WalletEntryType.BONUS, invoice.number(),
                            "Bonus isi saldo " + settings.depositBonusPercent() + "%", actor, now);
                }
                wallets.save(wallet);
                users.findById(invoice.userId()).ifPresent(u -> notifier.notify(Notification.email("DEPOSIT_RECEIVED",
                        u.email().value(), Map.of("name", u.fullName(), "amount",
                                Long.toString(invoice.total().rupiah()), "invoiceNumber", invoice.number(),
                                "balance", Long.toString(wallet.balance().rupiah())),
                        "DEPOSIT_RECEIVED:" + invoice.id())));
            }
            return new Applied(true, "SETTLED_INVOICE", "Invoice " + invoice.number() + " paid", false);
        }
        // The money arrived but the invoice can no longer be settled: keep it for the customer.
        Wallet wallet = wallets.lockForUpdate(invoice.userId());
        wallet.credit(invoice.total(), WalletEntryType.REFUND, gateway.name() + ":" + cb.reference(),
                "Pembayaran " + invoice.number() + " diterima setelah tagihan " + statusWord(invoice, order)
                        + "; dana masuk ke saldo", actor, now);
        wallets.save(wallet);
        payments.insert(new Payment(UUID.randomUUID(), gateway.name(), cb.reference(), invoice.id(), invoice.userId(),
                methodCode, methodName, invoice.total(), cb.totalAmount(), paidAt, now,
                Payment.Outcome.CREDITED_TO_WALLET));
        users.findById(invoice.userId()).ifPresent(u -> notifier.notify(Notification.email(
                "PAYMENT_CREDITED_TO_WALLET", u.email().value(), Map.of("name", u.fullName(),
                        "amount", Long.toString(invoice.total().rupiah()), "invoiceNumber", invoice.number(),
                        "reason", statusWord(invoice, order), "balance", Long.toString(wallet.balance().rupiah())),
                "PAYMENT_CREDITED_TO_WALLET:" + cb.reference())));
        return new Applied(true, "CREDITED_TO_WALLET", "Invoice " + invoice.number() + " is " + invoice.status()
                + order.map(o -> " (order " + o.status() + ")").orElse("") + "; " + invoice.total()
                + " credited to the customer's wallet", false);
    }

    private static String statusWord(Invoice invoice, Optional<Order> order) {
        if (order.isPresent() && order.get().status() == OrderStatus.EXPIRED
                || invoice.status() == InvoiceStatus.EXPIRED) {
            return "kedaluwarsa";
        }
        if (invoice.status() == InvoiceStatus.PAID) {
            return "sudah lunas";
        }
        return "dibatalkan";
    }

    // ------------------------------------------------------------------ reconciliation

    @Override
    public int reconcileOpenTransactions(int max) {
        Instant now = clock.instant();
        List<PaymentAttempt> due = tx.inTransaction(() -> attempts.claimForCheck(now,
                now.minus(settings.reconcileAfter()), now.minus(settings.reconcileEvery()), max));
        int changed = 0;
        for (PaymentAttempt attempt : due) {
            try {
                if (attempt.isOpenedAtGateway() ? checkAtGateway(attempt) : lookUpProvisional(attempt, now)) {
                    changed++;
                }
            } catch (RuntimeException e) { // one bad transaction must not stop the others' checks
                LOG.log(Level.WARNING, "payment reconciliation of " + attempt.reference() + " failed", e);
            }
        }
        return changed;
    }

    /** A provisional attempt is looked up by its merchant reference once it is at least this old. */
    private static final Duration LOOK_UP_PROVISIONAL_AFTER = Duration.ofMinutes(1);
    /** A provisional attempt the gateway definitely does not know is given up once it is this old. */
    private static final Duration GIVE_UP_PROVISIONAL_AFTER = Duration.ofMinutes(10);

    /**
     * An attempt that still carries its provisional reference: the answer to the create call was lost
     * (or this process died before storing it). Asks the gateway by merchant reference; a transaction
     * it has is adopted (reference, pay code, checkout page...) and its status applied like a callback's;
     * one it definitely does not have is given up after {@link #GIVE_UP_PROVISIONAL_AFTER}. When the
     * gateway cannot be asked, the attempt waits for the next sweep. True if something changed.
     */
    private boolean lookUpProvisional(PaymentAttempt attempt, Instant now) {
        if (attempt.createdAt().isAfter(now.minus(LOOK_UP_PROVISIONAL_AFTER))) {
            return false; // the create call may still be waiting for its answer
        }
        Optional<GatewayTransaction> found;
        try {
            found = gateway.findByMerchantRef(attempt.merchantRef())
                    .filter(t -> attempt.merchantRef().equals(t.merchantRef()));
        } catch (PaymentGatewayException e) {
            LOG.log(Level.INFO, "payment reconciliation: " + attempt.merchantRef() + " not looked up: " + e.getMessage());
            return false;
        }
        if (found.isEmpty()) {
            if (attempt.createdAt().isBefore(now.minus(GIVE_UP_PROVISIONAL_AFTER))) {
                // The gateway never opened it: stop asking. A late callback is still matched by merchant reference.
                tx.inTransaction(() -> {
                    lock(attempt.invoiceId());
                    attempts.findByMerchantRef(attempt.merchantRef())
                            .filter(a -> !a.isOpenedAtGateway() && "UNPAID".equals(a.status()))
                            .ifPresent(a -> attempts.save(a.withStatus("FAILED")));
                    return null;
                });
            }
            return false;
        }
        GatewayTransaction transaction = found.get();
        boolean adopted = tx.inTransaction(() -> {
            lock(attempt.invoiceId()); // a callback may have adopted it meanwhile
            PaymentAttempt current = attempts.findByMerchantRef(attempt.merchantRef()).orElse(attempt);
            if (current.isOpenedAtGateway()) {
                return false;
            }
            List<PaymentAttempt.Instruction> instructions = transaction.instructions().isEmpty()
                    ? current.instructions()
                    : transaction.instructions().stream()
                            .map(i -> new PaymentAttempt.Instruction(i.title(), i.steps())).toList();
            attempts.save(current.openedAt(transaction.reference(), transaction.methodName(),
                    transaction.customerFee(), transaction.totalAmount(), transaction.payCode(), transaction.payUrl(),
                    transaction.checkoutUrl(), transaction.qrString(), transaction.qrUrl(),
                    transaction.expiresAt() == null ? current.expiresAt() : transaction.expiresAt(), instructions)
                    .withStatus(current.status()));
            return true;
        });
        boolean applied = transaction.status() != GatewayStatus.UNPAID
                && applyGatewayState(transaction, "merchant/transactions");
        return adopted || applied;
    }

    /** Asks the gateway about one transaction and applies a final status; true if something changed. */
    private boolean checkAtGateway(PaymentAttempt attempt) {
        GatewayTransaction detail;
        try {
            detail = gateway.transactionDetail(attempt.reference());
        } catch (PaymentGatewayException e) {
            LOG.log(Level.INFO, "payment reconciliation: " + attempt.reference() + " not checked: " + e.getMessage());
            return false;
        }
        if (detail.status() == GatewayStatus.UNPAID) {
            return false;
        }
        return applyGatewayState(detail, "transaction/detail");
    }

    /**
     * Applies a transaction's status as the gateway reported it to an API call ({@code source}) through the
     * same exactly-once path as a callback, and logs it; true if something changed.
     */
    private boolean applyGatewayState(GatewayTransaction detail, String source) {
        PaymentCallback synthetic = new PaymentCallback(detail.reference(), detail.merchantRef(), detail.method(),
                detail.methodName(), detail.totalAmount(), null, detail.customerFee(), null, true, detail.status(),
                detail.paidAt(), source.equals("transaction/detail") ? "transaction detail" : source);
        Applied applied = apply(synthetic, RECONCILER);
        byte[] note = ("{\"source\":\"" + source + "\",\"reference\":\"" + detail.reference() + "\",\"status\":\""
                + detail.status() + "\"}").getBytes(StandardCharsets.UTF_8);
        logged(note, synthetic, "RECONCILED_" + applied.outcome(), applied.message(), applied.accepted());
        return !applied.outcome().equals("DUPLICATE") && !applied.outcome().equals("IGNORED");
    }

    @Override
    public int expireOverdueInvoices(int max) {
        return tx.inTransaction(() -> {
            List<Invoice> overdue = invoices.claimOverdue(List.of(InvoicePurpose.DEPOSIT, InvoicePurpose.RENEWAL),
                    clock.instant(), max);
            for (Invoice invoice : overdue) {
                invoice.expire("not paid by " + invoice.dueAt());
                invoices.save(invoice);
            }
            return overdue.size();
        });
    }

    // ------------------------------------------------------------------ admin

    @Override
    public Page<Payment> searchPayments(PaymentSearch criteria, PageRequest page) {
        return tx.inTransaction(() -> payments.search(criteria, page));
    }

    @Override
    public Page<Invoice> searchInvoices(InvoiceSearch criteria, PageRequest page) {
        return tx.inTransaction(() -> invoices.search(criteria, page));
    }

    @Override
    public Page<CallbackRecord> searchCallbacks(String outcome, String reference, PageRequest page) {
        return tx.inTransaction(() -> callbackLog.search(outcome, reference, page));
    }

    // ------------------------------------------------------------------ helpers

    private InvoiceDetails details(Invoice invoice) {
        List<PaymentAttempt> all = attempts.findByInvoice(invoice.id());
        Instant now = clock.instant();
        PaymentAttempt open = invoice.isUnpaid() ? all.stream().filter(a -> a.isOpen(now) && a.isOpenedAtGateway())
                .findFirst().orElse(null) : null;
        return new InvoiceDetails(invoice, all, open, payments.findByInvoice(invoice.id()));
    }

    private Invoice owned(UUID userId, UUID invoiceId) {
        Invoice invoice = invoices.findById(invoiceId).orElseThrow(() -> notFound(invoiceId));
        if (!invoice.isOwnedBy(userId)) {
            throw new DomainException(ErrorCode.INVOICE_ACCESS_DENIED,
                    "Invoice " + invoiceId + " belongs to another account");
        }
        return invoice;
    }

    private Invoice lock(UUID invoiceId) {
        return invoices.findByIdForUpdate(invoiceId).orElseThrow(() -> notFound(invoiceId));
    }

    /** Locks the invoice's order first (lock order: order, invoice, wallet). */
    private Optional<Order> lockOrderOf(Invoice invoice) {
        if (invoice.purpose() != InvoicePurpose.ORDER || invoice.subjectId() == null) {
            return Optional.empty();
        }
        return orders.findByIdForUpdate(invoice.subjectId());
    }

    private static void requireAwaitingPayment(Order order) {
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw new DomainException(ErrorCode.INVOICE_NOT_PAYABLE, "Order " + order.id() + " is " + order.status());
        }
    }

    private User user(UUID userId) {
        return users.findById(userId)
                .orElseThrow(() -> new DomainException(ErrorCode.USER_NOT_FOUND, "Unknown user"));
    }

    private static Actor customer(UUID userId) {
        return new Actor(Actor.Type.CUSTOMER, userId.toString());
    }

    private void alertOperators(String template, String subject, String message) {
        try {
            tx.inTransaction(() -> notifier.notify(new Notification(template, "OPERATOR", "operators", "id",
                    Map.of("subject", subject == null ? "" : subject, "message", message),
                    // one alert per subject and hour: a flood of forged callbacks cannot drown the operators
                    template + ":" + subject + ":" + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS))));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not queue an operator alert: " + message, e);
        }
    }

    private static DomainException notFound(UUID invoiceId) {
        return new DomainException(ErrorCode.INVOICE_NOT_FOUND, "Invoice " + invoiceId + " not found");
    }

    private static DomainException gatewayFailure(PaymentGatewayException e) {
        return e.kind() == PaymentGatewayException.Kind.REJECTED
                ? new DomainException(ErrorCode.PAYMENT_GATEWAY_REJECTED, "The payment gateway refused: " + e.getMessage())
                : new DomainException(ErrorCode.PAYMENT_GATEWAY_UNAVAILABLE,
                "The payment gateway is not reachable now; try again in a minute");
    }

    /**
     * The gateway's items must add up to the amount and cannot be negative: the invoice's lines when they
     * are all charges and there is no tax, otherwise one line for the whole invoice.
     */
    private static List<PaymentGateway.Item> gatewayItems(Invoice invoice) {
        boolean plain = invoice.tax().isZero() && invoice.lines().stream().allMatch(l -> l.unitPrice() >= 0);
        if (plain) {
            return invoice.lines().stream()
                    .map(l -> new PaymentGateway.Item(null, l.description(), l.unitPrice(), l.quantity())).toList();
        }
        return List.of(new PaymentGateway.Item(invoice.number(), "Pembayaran " + invoice.number(),
                invoice.total().rupiah(), 1));
    }
}
