package id.webrana.cloud.application.service;

import id.webrana.cloud.application.fakes.FakeServerPasswordHasher;
import id.webrana.cloud.application.fakes.InMemoryInstanceActionRepository;
import id.webrana.cloud.application.fakes.InMemoryInstanceEventRepository;
import id.webrana.cloud.application.fakes.InMemoryServerCredentialRepository;
import id.webrana.cloud.application.fakes.FakeAccessTokenIssuer;
import id.webrana.cloud.application.fakes.FakeCloudProvider;
import id.webrana.cloud.application.fakes.FakePasswordHasher;
import id.webrana.cloud.application.fakes.FakeTransactionRunner;
import id.webrana.cloud.application.fakes.InMemoryCouponRepository;
import id.webrana.cloud.application.fakes.InMemoryImageRepository;
import id.webrana.cloud.application.fakes.InMemoryInstanceRepository;
import id.webrana.cloud.application.fakes.InMemoryOneTimeTokenRepository;
import id.webrana.cloud.application.fakes.InMemoryOrderRepository;
import id.webrana.cloud.application.fakes.InMemoryPlanRepository;
import id.webrana.cloud.application.fakes.InMemoryPromoRepository;
import id.webrana.cloud.application.fakes.InMemoryProvisioningTaskRepository;
import id.webrana.cloud.application.fakes.InMemoryRefreshTokenRepository;
import id.webrana.cloud.application.fakes.InMemoryUserRepository;
import id.webrana.cloud.application.fakes.FakeInvoiceRenderer;
import id.webrana.cloud.application.fakes.FakePaymentGateway;
import id.webrana.cloud.application.fakes.InMemoryInvoiceRepository;
import id.webrana.cloud.application.fakes.InMemoryPaymentAttemptRepository;
import id.webrana.cloud.application.fakes.InMemoryPaymentCallbackLog;
import id.webrana.cloud.application.fakes.InMemoryPaymentRepository;
import id.webrana.cloud.application.fakes.InMemoryWalletRepository;
import id.webrana.cloud.application.fakes.MutableClock;
import id.webrana.cloud.application.fakes.RecordingNotifier;
import id.webrana.cloud.application.fakes.RecordingWakeUp;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.Decision;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.PaymentDecisionCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.CouponCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.ImageCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PlanCommand;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import id.webrana.cloud.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.provisioning.Backoff;
import id.webrana.cloud.domain.shared.Actor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The application core wired to in-memory fakes, with a few steps that many tests share. Every
 * repository and the notifier take part in the fake transactions; the cloud provider does not.
 */
final class TestWorld {

    static final Instant START = Instant.parse("2025-05-01T03:00:00Z");
    static final Duration PAYMENT_WINDOW = Duration.ofHours(24);
    static final Duration PROVISIONING_TIMEOUT = Duration.ofMinutes(15);
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60));
    static final String PASSWORD = "rahasia123";
    static final Actor ADMIN = new Actor(Actor.Type.ADMIN, "admin-1");

    /** The services log every retry; tests assert on state instead (kept strongly referenced). */
    private static final java.util.logging.Logger SERVICE_LOG = quiet("id.webrana.cloud.application.service");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    final MutableClock clock = new MutableClock(START);
    final FakeTransactionRunner tx = new FakeTransactionRunner();
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    final InMemoryOneTimeTokenRepository oneTimeTokens = new InMemoryOneTimeTokenRepository();
    final InMemoryPlanRepository plans = new InMemoryPlanRepository();
    final InMemoryImageRepository images = new InMemoryImageRepository();
    final InMemoryPromoRepository promos = new InMemoryPromoRepository();
    final InMemoryCouponRepository coupons = new InMemoryCouponRepository();
    final InMemoryOrderRepository orders = new InMemoryOrderRepository(users);
    final InMemoryProvisioningTaskRepository tasks = new InMemoryProvisioningTaskRepository();
    final InMemoryInstanceRepository instances = new InMemoryInstanceRepository();
    final RecordingNotifier notifier = new RecordingNotifier();
    final RecordingWakeUp wakeUp = new RecordingWakeUp(tx);
    final FakePasswordHasher hasher = new FakePasswordHasher();
    final FakeAccessTokenIssuer accessTokens = new FakeAccessTokenIssuer(clock);
    final FakeCloudProvider cloud = new FakeCloudProvider(clock);
    final InMemoryInvoiceRepository invoices = new InMemoryInvoiceRepository();
    final InMemoryPaymentAttemptRepository attempts = new InMemoryPaymentAttemptRepository();
    final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
    final InMemoryWalletRepository wallets = new InMemoryWalletRepository();
    final InMemoryPaymentCallbackLog callbacks = new InMemoryPaymentCallbackLog();
    final FakePaymentGateway gateway = new FakePaymentGateway();
    final FakeInvoiceRenderer renderer = new FakeInvoiceRenderer();
    final BillingSettings billingSettings;
    final InMemoryInstanceActionRepository instanceActions = new InMemoryInstanceActionRepository();
    final InMemoryInstanceEventRepository instanceEvents = new InMemoryInstanceEventRepository();
    final InMemoryServerCredentialRepository credentials = new InMemoryServerCredentialRepository();
    final LifecycleSettings lifecycleSettings;
    final Renewals renewals;
    final LifecycleService lifecycle;
    final InstanceService instanceService;

    final AccountService accounts;
    final CatalogService catalog;
    final OrderService orderService;
    final ProvisioningService provisioning;
    final BillingService billing;

    TestWorld() {
        this(BillingSettings.defaults("https://webrana.test"));
    }

    /** A world whose billing behaves as {@code billingSettings} says (e.g. with PPN switched on). */
    TestWorld(BillingSettings billingSettings) {
        this(billingSettings, LifecycleSettings.defaults());
    }

    /** A world whose servers live by {@code lifecycleSettings}. */
    TestWorld(LifecycleSettings lifecycleSettings) {
        this(BillingSettings.defaults("https://webrana.test"), lifecycleSettings);
    }

    TestWorld(BillingSettings billingSettings, LifecycleSettings lifecycleSettings) {
        this.billingSettings = billingSettings;
        this.lifecycleSettings = lifecycleSettings;
        tx.enlist(users, refreshTokens, oneTimeTokens, plans, images, promos, coupons, orders, tasks, instances,
                notifier, invoices, attempts, payments, wallets, callbacks, instanceActions, instanceEvents,
                credentials);
        accounts = new AccountService(users, refreshTokens, oneTimeTokens, hasher, accessTokens, notifier, tx, clock,
                AccountSettings.defaults("https://webrana.test"));
        catalog = new CatalogService(plans, images, promos, coupons, tx, clock);
        orderService = new OrderService(catalog, orders, tasks, instances, users, coupons, notifier, wakeUp, tx, clock,
                new OrderSettings(PAYMENT_WINDOW, "sgp1", PROVISIONING_TIMEOUT), invoices, billingSettings);
        provisioning = new ProvisioningService(tasks, orders, instances, users, cloud, notifier, tx, clock,
                new ProvisioningSettings(POLL_INTERVAL, BACKOFF, "https://webrana.test"), instanceEvents, credentials,
                new FakeServerPasswordHasher());
        renewals = new Renewals(instances, instanceEvents, invoices, wallets, payments, users, notifier,
                lifecycleSettings, billingSettings);
        billing = new BillingService(invoices, attempts, payments, wallets, callbacks, orders, users, orderService,
                gateway, renderer, notifier, wakeUp, tx, clock, billingSettings, renewals);
        lifecycle = new LifecycleService(instances, instanceEvents, instanceActions, credentials, invoices, wallets,
                renewals, cloud, notifier, tx, clock, lifecycleSettings);
        instanceService = new InstanceService(instances, instanceActions, instanceEvents, credentials, orders, tasks,
                renewals, lifecycle, cloud, wakeUp, tx, clock, lifecycleSettings, PROVISIONING_TIMEOUT, users);
    }

    // ------------------------------------------------------------------ accounts

    User registerCustomer(String email) {
        return accounts.register(new RegisterUserCommand(email, PASSWORD.toCharArray(), "Budi Santoso", null));
    }

    // ------------------------------------------------------------------ catalog

    VpsImage ubuntu() {
        return catalog.saveImage(new ImageCommand(null, "Ubuntu 24.04", "Ubuntu", "ubuntu-24-04-x64", "OS", true));
    }

    /** An active plan sold monthly (and daily at a tenth) with the given images. */
    VpsPlan plan(String name, long monthly, VpsImage... allowed) {
        Set<UUID> ids = java.util.Arrays.stream(allowed).map(VpsImage::id).collect(java.util.stream.Collectors.toSet());
        return catalog.savePlan(new PlanCommand(null, name, "s-1vcpu-1gb", 1, 1024, 25, 1, true, 1,
                Map.of("MONTHLY", monthly, "DAILY", Math.max(1, monthly / 10)), ids));
    }

    Coupon percentCoupon(String code, int percent) {
        return catalog.saveCoupon(new CouponCommand(null, code, "PERCENT", percent, null, null, null, null, null,
                null, null, null, true));
    }

    // ------------------------------------------------------------------ orders

    /** A customer, a plan with an image, and an order awaiting payment. */
    Order pendingOrder() {
        User customer = registerCustomer("budi" + UUID.randomUUID().toString().substring(0, 8) + "@example.id");
        VpsImage image = ubuntu();
        VpsPlan plan = plan("Basic 1GB", 150_000, image);
        return orderService.placeOrder(new PlaceOrderCommand(customer.id(), plan.id(), image.id(), "MONTHLY",
                "web-1", null, List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl budi@laptop")));
    }

    /** An order the admin approved: PAID, with its provisioning task due now. */
    Order paidOrder() {
        Order order = pendingOrder();
        return orderService.changePaymentStatus(new PaymentDecisionCommand(order.id(), Decision.APPROVE,
                "transfer BCA 123", ADMIN));
    }

    /** A paid order provisioned to the end: its ACTIVE instance (monthly, renewing at the plan's price). */
    id.webrana.cloud.domain.provisioning.Instance activeInstance() {
        Order order = paidOrder();
        for (int i = 0; i < 5 && instances.findByOrderId(order.id()).isEmpty(); i++) {
            provisioning.processDueTasks(10);
            clock.advance(POLL_INTERVAL);
        }
        return instances.findByOrderId(order.id()).orElseThrow();
    }

    /** Credits the wallet as a paid top-up would. */
    void topUp(UUID userId, long rupiah) {
        tx.inTransaction(() -> {
            var wallet = wallets.lockForUpdate(userId);
            wallet.credit(id.webrana.cloud.domain.shared.Money.rupiah(rupiah),
                    id.webrana.cloud.domain.billing.WalletEntryType.DEPOSIT, "TOPUP-" + UUID.randomUUID(), "test top-up",
                    new Actor(Actor.Type.CUSTOMER, userId.toString()), clock.instant());
            wallets.save(wallet);
            return null;
        });
    }
}
