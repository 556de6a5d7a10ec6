package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.domain.billing.InvoiceSearch;
import static id.webrana.cloud.adapter.out.persistence.Fixtures.IMAGE_UBUNTU_2404;
import static id.webrana.cloud.adapter.out.persistence.Fixtures.PLAN_BASIC_1GB;
import static id.webrana.cloud.adapter.out.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.application.port.in.AuthenticationUseCase.LoginCommand;
import id.webrana.cloud.application.port.in.AuthenticationUseCase.TokenPair;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.Decision;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.PaymentDecisionCommand;
import id.webrana.cloud.application.port.in.OrderDetails;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import id.webrana.cloud.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import id.webrana.cloud.application.port.out.AccessTokenIssuer;
import id.webrana.cloud.application.port.out.CloudProvider;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.InvoiceRepository;
import id.webrana.cloud.application.port.out.Notifier;
import id.webrana.cloud.application.port.out.PasswordHasher;
import id.webrana.cloud.application.service.AccountService;
import id.webrana.cloud.application.service.AccountSettings;
import id.webrana.cloud.application.service.BillingSettings;
import id.webrana.cloud.application.service.CatalogService;
import id.webrana.cloud.application.service.OrderService;
import id.webrana.cloud.application.service.OrderSettings;
import id.webrana.cloud.application.service.ProvisioningService;
import id.webrana.cloud.application.service.ProvisioningSettings;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.order.StatusChange;
import id.webrana.cloud.domain.provisioning.Backoff;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.InstanceEvent;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The real application services wired to the JPA adapter on PostgreSQL, with a fake cloud
 * provider and a hand-moved clock: register, order with a coupon, approve, provision; and the
 * races and crashes that only a real database can show.
 */
class CoreOnPostgresTest extends PostgresTest {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Actor ADMIN = new Actor(Actor.Type.ADMIN, "admin-ops");

    private MutableClock clock;
    private FakeCloudProvider provider;
    private GatedNotifier notifier;
    private GatedInvoices invoices;
    private AtomicInteger wakeUps;
    private AccountService accounts;
    private CatalogService catalog;
    private OrderService orders;

    @BeforeEach
    void wireTheCore() {
        clock = new MutableClock(T0);
        provider = new FakeCloudProvider(2);
        notifier = new GatedNotifier(db.notifier);
        invoices = new GatedInvoices(db.invoices);
        wakeUps = new AtomicInteger();
        PasswordHasher hasher = new PasswordHasher() {
            @Override
            public String hash(char[] plain) {
                return "plain:" + new String(plain);
            }

            @Override
            public boolean matches(char[] plain, String hash) {
                return hash != null && hash.equals("plain:" + new String(plain));
            }
        };
        AccessTokenIssuer tokens = (userId, email, roles) ->
                new AccessTokenIssuer.IssuedToken("jwt-" + userId + "-" + UUID.randomUUID(), clock.instant().plusSeconds(900));
        accounts = new AccountService(db.users, db.refreshTokens, db.oneTimeTokens, hasher, tokens, notifier, db.tx,
                clock, AccountSettings.defaults("http://localhost:9080"));
        catalog = new CatalogService(db.plans, db.images, db.promos, db.coupons, db.tx, clock);
        orders = new OrderService(catalog, db.orders, db.tasks, db.instances, db.users, db.coupons, notifier,
                wakeUps::incrementAndGet, db.tx, clock,
                new OrderSettings(Duration.ofHours(2), "sgp1", Duration.ofMinutes(10)), invoices,
                BillingSettings.defaults("http://localhost:9080"));
    }

    private ProvisioningService newProvisioningService(CloudProvider cloud) {
        return new ProvisioningService(db.tasks, db.orders, db.instances, db.users, cloud, notifier, db.tx, clock,
                new ProvisioningSettings(POLL, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8))),
                db.instanceEvents, db.credentials, password -> "$6$testsalt$" + Integer.toHexString(password.hashCode()));
    }

    private User register(String who) {
        return accounts.register(new RegisterUserCommand(Fixtures.uniqueEmail(who), "rahasia123".toCharArray(),
                "Dewi " + who, "081234567890"));
    }

    private Order placeOrder(User user, String hostname, String coupon) {
        return orders.placeOrder(new PlaceOrderCommand(user.id(), PLAN_BASIC_1GB, IMAGE_UBUNTU_2404, "MONTHLY",
                hostname, coupon, List.of(Fixtures.SSH_KEY_1)));
    }

    private Order approve(UUID orderId) {
        return orders.changePaymentStatus(new PaymentDecisionCommand(orderId, Decision.APPROVE, "BCA transfer", ADMIN));
    }

    private Order order(UUID id) {
        return db.inTx(() -> db.orders.findById(id)).orElseThrow();
    }

    private ProvisioningTask task(UUID orderId) {
        return db.inTx(() -> db.tasks.findByOrderId(orderId)).orElseThrow();
    }

    private List<String> outboxTemplates(String recipient) {
        String joined = (String) db.scalar("SELECT string_agg(template, ',' ORDER BY template) FROM notification_outbox"
                + " WHERE recipient = ?", recipient);
        return joined == null ? List.of() : List.of(joined.split(","));
    }

    /** Runs the worker, moving the clock one poll interval between rounds, until the order settles. */
    private void provisionUntilSettled(ProvisioningService worker, UUID orderId) {
        for (int round = 0; round < 20; round++) {
            worker.processDueTasks(10);
            if (order(orderId).status().isFinal()) {
                return;
            }
            clock.advance(POLL);
        }
        throw new AssertionError("order " + orderId + " still " + order(orderId).status() + " after 20 rounds");
    }

    @Test
    void aCustomerRegistersOrdersWithHemat10AndGetsARunningServerAfterApproval() {
        int hematRedemptionsBefore = db.inTx(() -> db.coupons.findByCode("HEMAT10")).orElseThrow().redemptionCount();
        User user = register("e2e");
        assertThat(outboxTemplates(user.email().value())).containsExactly("ACCOUNT_EMAIL_VERIFICATION");

        Order placed = placeOrder(user, "dewi-web", "hemat10");

        assertThat(placed.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(placed.pricing().basePrice()).isEqualTo(Money.rupiah(90_000));
        assertThat(placed.pricing().couponCode()).isEqualTo("HEMAT10");
        assertThat(placed.pricing().couponDiscount()).isEqualTo(Money.rupiah(9_000));
        assertThat(placed.pricing().finalPrice()).isEqualTo(Money.rupiah(81_000));
        assertThat(order(placed.id()).pricing()).isEqualTo(placed.pricing());
        Coupon hemat = db.inTx(() -> db.coupons.findByCode("HEMAT10")).orElseThrow();
        assertThat(hemat.redemptionCount()).isEqualTo(hematRedemptionsBefore + 1);
        assertThat(db.inTx(() -> db.coupons.countRedemptions(hemat.id(), user.id()))).isEqualTo(1);

        clock.advance(Duration.ofMinutes(5));
        Order paid = approve(placed.id());

        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        assertThat(order(placed.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(order(placed.id()).paidAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        ProvisioningTask queued = task(placed.id());
        assertThat(queued.status()).isEqualTo(ProvisioningTask.Status.PENDING);
        assertThat(queued.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(outboxTemplates(user.email().value()))
                .containsExactly("ACCOUNT_EMAIL_VERIFICATION", "ORDER_CREATED", "PAYMENT_CONFIRMED");
        assertThat(wakeUps).hasValue(1);

        provisionUntilSettled(newProvisioningService(provider), placed.id());

        Order active = order(placed.id());
        assertThat(active.status()).isEqualTo(OrderStatus.ACTIVE);
        Instance instance = db.inTx(() -> db.instances.findByOrderId(placed.id())).orElseThrow();
        CloudServer droplet = provider.dropletsTagged(Order.providerTag(placed.id())).get(0);
        assertThat(active.instanceId()).isEqualTo(instance.id());
        assertThat(instance.providerServerId()).isEqualTo(droplet.providerServerId());
        assertThat(instance.ipv4()).isEqualTo(FakeCloudProvider.ipv4Of(droplet.providerServerId())).isNotBlank();
        assertThat(instance.provider()).isEqualTo("DIGITALOCEAN");
        assertThat(instance.userId()).isEqualTo(user.id());
        assertThat(instance.hostname()).isEqualTo("dewi-web");
        assertThat(instance.sizeSlug()).isEqualTo("s-1vcpu-1gb");
        assertThat(instance.status()).isEqualTo(Instance.Status.ACTIVE);
        assertThat(db.scalar("SELECT ipv4 FROM instances WHERE order_id = ?", placed.id())).isEqualTo(instance.ipv4());
        Instant activatedAt = clock.instant();
        assertThat(instance.period()).isEqualTo(BillingPeriod.MONTHLY);
        assertThat(instance.renewalPrice()).isEqualTo(paid.pricing().basePrice());
        assertThat(instance.expiresAt()).isEqualTo(BillingPeriod.MONTHLY.addTo(instance.createdAt()));
        assertThat(instance.createdAt()).isBeforeOrEqualTo(activatedAt);
        assertThat(instance.autoRenew()).isFalse();
        assertThat(instance.nextLifecycleAt()).isEqualTo(instance.createdAt());
        assertThat(instance.agentTokenHash()).as("the agent's secret is kept only as a hash").hasSize(64);
        assertThat(db.inTx(() -> db.instanceEvents.history(instance.id(), 10))).extracting(InstanceEvent::type)
                .containsExactly("CREATED");
        assertThat(db.inTx(() -> db.credentials.findInitial(instance.id()))).get().satisfies(c -> {
            assertThat(c.secret()).isNotBlank();
            assertThat(c.revealedAt()).isNull();
        });
        assertThat(task(placed.id()).status()).isEqualTo(ProvisioningTask.Status.SUCCEEDED);
        assertThat(db.count("SELECT COUNT(*) FROM provisioning_tasks WHERE order_id = ?"
                + " AND root_password IS NULL AND agent_token IS NULL", placed.id()))
                .as("the task forgot the secrets once the instance had them").isEqualTo(1);
        assertThat(active.history()).extracting(StatusChange::to).containsExactly(OrderStatus.PENDING_PAYMENT,
                OrderStatus.PAID, OrderStatus.PROVISIONING, OrderStatus.ACTIVE);
        assertThat(active.history()).extracting(StatusChange::actor).containsExactly(
                Fixtures.customer(user.id()), ADMIN, Actor.system("provisioning-worker"),
                Actor.system("provisioning-worker"));
        assertThat(active.history().get(1).reason()).isEqualTo("BCA transfer");
        assertThat(outboxTemplates(user.email().value())).containsExactly("ACCOUNT_EMAIL_VERIFICATION",
                "ORDER_CREATED", "PAYMENT_CONFIRMED", "VPS_ACTIVE");

        assertThat(provider.creates()).isEqualTo(1);
        CreateServerRequest request = provider.createRequests().get(0);
        assertThat(request.name()).isEqualTo("dewi-web");
        assertThat(request.region()).isEqualTo("sgp1");
        assertThat(request.sizeSlug()).isEqualTo("s-1vcpu-1gb");
        assertThat(request.imageSlug()).isEqualTo("ubuntu-24-04-x64");
        assertThat(request.tags()).contains(Order.providerTag(placed.id()));
        assertThat(request.userData()).contains(Fixtures.SSH_KEY_1);
        String rootPassword = db.inTx(() -> db.credentials.findInitial(instance.id())).orElseThrow().secret();
        assertThat(request.userData()).as("cloud-init gets a hash of the root password").doesNotContain(rootPassword);

        OrderDetails details = orders.getOrder(user.id(), placed.id());
        assertThat(details.instance()).get().extracting(Instance::ipv4).isEqualTo(instance.ipv4());
        assertThat(details.provisioning()).get().extracting(ProvisioningTask::status)
                .isEqualTo(ProvisioningTask.Status.SUCCEEDED);
    }

    @Test
    void aRejectedPaymentQueuesNoProvisioningAndTellsTheCustomer() {
        User user = register("reject");
        Order placed = placeOrder(user, "nope", null);

        Order rejected = orders.changePaymentStatus(
                new PaymentDecisionCommand(placed.id(), Decision.REJECT, "transfer not found", ADMIN));

        assertThat(rejected.status()).isEqualTo(OrderStatus.PAYMENT_FAILED);
        assertThat(db.inTx(() -> db.tasks.findByOrderId(placed.id()))).isEmpty();
        assertThat(outboxTemplates(user.email().value())).contains("PAYMENT_REJECTED");
        assertThat(order(placed.id()).history().get(1).reason()).isEqualTo("transfer not found");
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void anUnpaidOrderExpiresAfterThePaymentWindow() {
        User user = register("expire");
        Order placed = placeOrder(user, "late", null);

        assertThat(orders.expireOverdueOrders(10)).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(orders.expireOverdueOrders(10)).isEqualTo(1);

        Order expired = order(placed.id());
        assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(expired.history().get(1).actor()).isEqualTo(Actor.system("order-expiry"));
        assertThatThrownBy(() -> approve(placed.id())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_STATUS_CONFLICT));
    }

    @Test
    void aReplayedRefreshTokenRevokesTheWholeFamily() {
        User user = register("session");
        TokenPair login = accounts.login(new LoginCommand(user.email().value(), "rahasia123".toCharArray()));
        clock.advance(Duration.ofMinutes(1));
        TokenPair rotated = accounts.refresh(login.refreshToken());

        assertThatThrownBy(() -> accounts.refresh(login.refreshToken()))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REFRESH_TOKEN));
        assertThatThrownBy(() -> accounts.refresh(rotated.refreshToken()))
                .as("the thief's replay logged the rotated session out too")
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REFRESH_TOKEN));
        assertThat(db.count("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL", user.id()))
                .isZero();
    }

    @Test
    void aPasswordResetFromTheMailedLinkChangesThePasswordAndSignsOutEverySession() {
        User user = register("reset");
        TokenPair laptop = accounts.login(new LoginCommand(user.email().value(), "rahasia123".toCharArray()));
        TokenPair phone = accounts.login(new LoginCommand(user.email().value(), "rahasia123".toCharArray()));

        accounts.requestPasswordReset(user.email().value().toUpperCase());
        String token = (String) db.scalar("SELECT variables::json ->> 'token' FROM notification_outbox"
                + " WHERE recipient = ? AND template = 'ACCOUNT_PASSWORD_RESET'", user.email().value());
        clock.advance(Duration.ofMinutes(10));
        accounts.resetPassword(token, "baru-rahasia456".toCharArray());

        for (TokenPair session : List.of(laptop, phone)) {
            assertThatThrownBy(() -> accounts.refresh(session.refreshToken()))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REFRESH_TOKEN));
        }
        assertThatThrownBy(() -> accounts.login(new LoginCommand(user.email().value(), "rahasia123".toCharArray())))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS));
        assertThat(accounts.login(new LoginCommand(user.email().value(), "baru-rahasia456".toCharArray()))
                .userId()).isEqualTo(user.id());
        assertThatThrownBy(() -> accounts.resetPassword(token, "lagi-rahasia789".toCharArray()))
                .as("the link works once").isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TOKEN));
    }

    @Test
    void aServerThatNeverBecomesReadyFailsTheOrderAtTheDeadlineAndIsDestroyed() {
        FakeCloudProvider neverReady = new FakeCloudProvider(Integer.MAX_VALUE);
        User user = register("timeout");
        Order placed = placeOrder(user, "slow", null);
        approve(placed.id());
        ProvisioningService worker = newProvisioningService(neverReady);

        worker.processDueTasks(10);
        String tag = Order.providerTag(placed.id());
        assertThat(neverReady.dropletsTagged(tag)).hasSize(1);
        clock.advance(Duration.ofMinutes(11)); // past the 10 minute provisioning deadline
        worker.processDueTasks(10);

        Order failed = order(placed.id());
        assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("PROVISIONING_TIMEOUT");
        assertThat(task(placed.id()).status()).isEqualTo(ProvisioningTask.Status.FAILED);
        assertThat(db.inTx(() -> db.instances.findByOrderId(placed.id()))).isEmpty();
        assertThat(neverReady.dropletsTagged(tag)).as("the leftover server is destroyed").isEmpty();
        assertThat(outboxTemplates(user.email().value())).contains("PROVISIONING_FAILED");
        assertThat(worker.processDueTasks(10)).as("a failed task is never claimed again").isZero();
    }

    @Test
    void theVerificationMailFromRegistrationVerifiesTheEmail() {
        User user = register("verify");
        String token = (String) db.scalar("SELECT variables::json ->> 'token' FROM notification_outbox"
                + " WHERE recipient = ? AND template = 'ACCOUNT_EMAIL_VERIFICATION'", user.email().value());

        accounts.verifyEmail(token);

        assertThat(db.inTx(() -> db.users.findById(user.id())).orElseThrow().isEmailVerified()).isTrue();
        assertThatThrownBy(() -> accounts.verifyEmail(token)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TOKEN));
    }

    @Test
    @Timeout(60)
    void twoAdminsApprovingTheSameOrderAtOnceResultInExactlyOnePaymentAndOneTask() throws Exception {
        User user = register("race");
        Order placed = placeOrder(user, "race", "HEMAT10");
        AtomicBoolean loserWaitedForTheLock = new AtomicBoolean();
        // The winner pauses inside its transaction until the other approval is seen waiting for the row lock.
        notifier.gate("PAYMENT_CONFIRMED", n -> {
            try {
                TestDatabase.awaitTrue("the other approval waits for the order's row lock", Duration.ofSeconds(10),
                        () -> db.sessionsWaitingForLock() >= 1);
                loserWaitedForTheLock.set(true);
            } catch (AssertionError notSeen) {
                // reported by the assertion below
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<CompletableFuture<Order>> approvals = new ArrayList<>();
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            for (int i = 0; i < 2; i++) {
                approvals.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return approve(placed.id());
                }, pool));
            }
            CompletableFuture.allOf(approvals.toArray(CompletableFuture[]::new)).exceptionally(t -> null)
                    .get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        List<Order> succeeded = new ArrayList<>();
        List<Throwable> failed = new ArrayList<>();
        for (CompletableFuture<Order> f : approvals) {
            try {
                succeeded.add(f.join());
            } catch (java.util.concurrent.CompletionException e) {
                failed.add(e.getCause());
            }
        }
        assertThat(succeeded).hasSize(1);
        assertThat(failed).singleElement().isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_STATUS_CONFLICT));
        assertThat(loserWaitedForTheLock).as("the second approval really ran into the first one's lock").isTrue();
        assertThat(db.count("SELECT COUNT(*) FROM provisioning_tasks WHERE order_id = ?", placed.id())).isEqualTo(1);
        assertThat(order(placed.id()).history()).extracting(StatusChange::to)
                .containsExactly(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID);
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void aWorkerDyingRightAfterTheCreateCallLeavesTheTaskAsItWasAndTheNextWorkerAdoptsTheServer() {
        User user = register("crash");
        Order placed = placeOrder(user, "crash", null);
        approve(placed.id());
        long versionBeforeTheStep = task(placed.id()).version();
        provider.crashAfterNextCreate();

        assertThatThrownBy(() -> newProvisioningService(provider).processDueTasks(10))
                .isInstanceOf(FakeCloudProvider.SimulatedCrash.class);

        String tag = Order.providerTag(placed.id());
        assertThat(provider.dropletsTagged(tag)).as("the provider did create the server").hasSize(1);
        ProvisioningTask afterCrash = task(placed.id());
        assertThat(afterCrash.status()).as("the step rolled back").isEqualTo(ProvisioningTask.Status.PENDING);
        assertThat(afterCrash.providerServerId()).isNull();
        assertThat(afterCrash.attempts()).isZero();
        assertThat(afterCrash.version()).isEqualTo(versionBeforeTheStep);
        assertThat(order(placed.id()).status()).isEqualTo(OrderStatus.PAID);
        assertThat(order(placed.id()).history()).hasSize(2);
        assertThat(db.inTx(() -> db.instances.findByOrderId(placed.id()))).isEmpty();

        ProvisioningService restarted = newProvisioningService(provider);
        restarted.processDueTasks(1);
        String orphan = provider.dropletsTagged(tag).get(0).providerServerId();
        assertThat(task(placed.id()).providerServerId()).as("adopted, not created again").isEqualTo(orphan);
        provisionUntilSettled(restarted, placed.id());

        assertThat(order(placed.id()).status()).isEqualTo(OrderStatus.ACTIVE);
        assertThat(provider.creates()).isEqualTo(1);
        assertThat(provider.dropletsTagged(tag)).hasSize(1);
        Instance instance = db.inTx(() -> db.instances.findByOrderId(placed.id())).orElseThrow();
        assertThat(instance.providerServerId()).isEqualTo(orphan);
        assertThat(instance.ipv4()).isEqualTo(FakeCloudProvider.ipv4Of(orphan));
    }

    @Test
    @Timeout(60)
    void twoWorkersProvisioningTwentyPaidOrdersConcurrentlyCreateExactlyOneServerPerOrder() throws Exception {
        User user = register("bulk");
        List<UUID> orderIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Order o = placeOrder(user, "bulk-" + i, null);
            approve(o.id());
            orderIds.add(o.id());
        }
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger steps = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                ProvisioningService worker = newProvisioningService(provider);
                workers.add(CompletableFuture.runAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                        while (System.nanoTime() < deadline) {
                            int n = worker.processDueTasks(5);
                            steps.addAndGet(n);
                            if (n == 0) {
                                if (db.count("SELECT COUNT(*) FROM orders WHERE status IN ('ACTIVE', 'FAILED')") == 20) {
                                    return;
                                }
                                clock.advance(POLL);
                            }
                        }
                    } catch (Throwable t) {
                        errors.add(t);
                    }
                }, pool));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(50, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(errors).isEmpty();
        assertThat(orderIds).allSatisfy(id -> assertThat(order(id).status()).isEqualTo(OrderStatus.ACTIVE));
        assertThat(provider.creates()).isEqualTo(20);
        assertThat(provider.dropletCountByTag("webrana-order-")).hasSize(20).allSatisfy((tag, n) -> assertThat(n)
                .as("droplets tagged %s", tag).isEqualTo(1L));
        assertThat(db.count("SELECT COUNT(*) FROM instances")).isEqualTo(20);
        assertThat(db.count("SELECT COUNT(DISTINCT provider_server_id) FROM instances")).isEqualTo(20);
        assertThat(db.count("SELECT COUNT(*) FROM provisioning_tasks WHERE status = 'SUCCEEDED'")).isEqualTo(20);
        assertThat(db.count("SELECT COUNT(*) FROM notification_outbox WHERE template = 'VPS_ACTIVE'")).isEqualTo(20);
    }

    @Test
    @Timeout(60)
    void twoCustomersTakingTheLastRedemptionOfACouponAtOnceGetExactlyOneOrderPlaced() throws Exception {
        String code = "LAST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        catalog.saveCoupon(new id.webrana.cloud.application.port.in.ManageCatalogUseCase.CouponCommand(null, code,
                "FIXED", 10_000, null, null, null, 1, null, null, null, null, true));
        User first = register("last1");
        User second = register("last2");
        // both have priced the order with the coupon (one redemption left) before either writes; the gate
        // is before the invoice number, since the month's gap-free numbering makes the second wait there
        CyclicBarrier bothPriced = new CyclicBarrier(2);
        invoices.beforeNextSequence(() -> awaitBarrier(bothPriced));

        List<Object> outcomes = twoAtOnce(i -> placeOrder(i == 0 ? first : second, "last-" + i, code));

        assertThat(outcomes).filteredOn(Order.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof Order)).singleElement()
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONCURRENT_MODIFICATION));
        Coupon coupon = db.inTx(() -> db.coupons.findByCode(code)).orElseThrow();
        assertThat(coupon.redemptionCount()).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM coupon_redemptions WHERE coupon_id = ?", coupon.id())).isEqualTo(1);
        assertThat(db.count("SELECT COUNT(*) FROM orders WHERE coupon_code = ?", code)).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void twoRegistrationsOfTheSameEmailAtOnceGiveOneAccountAndOneEmailAlreadyRegistered() throws Exception {
        String email = Fixtures.uniqueEmail("twice");
        CyclicBarrier bothChecked = new CyclicBarrier(2);
        notifier.gateEvery("ACCOUNT_EMAIL_VERIFICATION", n -> awaitBarrier(bothChecked));

        List<Object> outcomes = twoAtOnce(i -> accounts.register(new RegisterUserCommand(email,
                "rahasia123".toCharArray(), "Twin " + i, null)));

        assertThat(outcomes).filteredOn(User.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof User)).singleElement()
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.EMAIL_ALREADY_REGISTERED));
        assertThat(db.count("SELECT COUNT(*) FROM users WHERE email = ?", email)).isEqualTo(1);
    }

    /**
     * The outbox, with an optional pause inside the caller's transaction (before anything of it is
     * flushed) for one template: at its first notification only, or at every one.
     */
    /** The invoice repository, optionally running a gate before each {@code nextSequence}. */
    static final class GatedInvoices implements InvoiceRepository {
        private final InvoiceRepository delegate;
        private volatile Runnable gate = () -> { };

        GatedInvoices(InvoiceRepository delegate) {
            this.delegate = delegate;
        }

        void beforeNextSequence(Runnable gate) {
            this.gate = gate;
        }

        @Override
        public long nextSequence(String period) {
            gate.run();
            return delegate.nextSequence(period);
        }

        @Override
        public void save(Invoice invoice) {
            delegate.save(invoice);
        }

        @Override
        public Optional<Invoice> findById(UUID id) {
            return delegate.findById(id);
        }

        @Override
        public Optional<Invoice> findByIdForUpdate(UUID id) {
            return delegate.findByIdForUpdate(id);
        }

        @Override
        public Optional<Invoice> findLatestFor(InvoicePurpose purpose, UUID subjectId) {
            return delegate.findLatestFor(purpose, subjectId);
        }

        @Override
        public Page<Invoice> findByUser(UUID userId, PageRequest page) {
            return delegate.findByUser(userId, page);
        }

        @Override
        public Page<Invoice> search(InvoiceSearch criteria, PageRequest page) {
            return delegate.search(criteria, page);
        }

        @Override
        public List<Invoice> claimOverdue(List<InvoicePurpose> purposes, Instant now, int limit) {
            return delegate.claimOverdue(purposes, now, limit);
        }
    }

    static final class GatedNotifier implements Notifier {
        private final Notifier delegate;
        private volatile String template;
        private volatile Consumer<Notification> gate;
        private volatile boolean everyTime;
        private final AtomicBoolean fired = new AtomicBoolean();

        GatedNotifier(Notifier delegate) {
            this.delegate = delegate;
        }

        void gate(String template, Consumer<Notification> onFirst) {
            this.template = template;
            this.gate = onFirst;
            this.everyTime = false;
        }

        void gateEvery(String template, Consumer<Notification> gate) {
            this.template = template;
            this.gate = gate;
            this.everyTime = true;
        }

        @Override
        public void notify(Notification n) {
            if (n.template().equals(template) && (everyTime || fired.compareAndSet(false, true))) {
                gate.accept(n);
            }
            delegate.notify(n);
        }
    }

    /** Runs {@code work} on two threads at once and returns what each returned or threw. */
    private static <T> List<Object> twoAtOnce(java.util.function.IntFunction<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<T>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int n = i;
                runs.add(CompletableFuture.supplyAsync(() -> {
                    awaitBarrier(start);
                    return work.apply(n);
                }, pool));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).exceptionally(t -> null)
                    .get(30, TimeUnit.SECONDS);
            List<Object> outcomes = new ArrayList<>();
            for (CompletableFuture<T> f : runs) {
                try {
                    outcomes.add(f.join());
                } catch (java.util.concurrent.CompletionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitBarrier(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other thread never got there", e);
        }
    }
}
