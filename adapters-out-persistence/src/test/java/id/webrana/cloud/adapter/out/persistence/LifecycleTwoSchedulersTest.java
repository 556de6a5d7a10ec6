package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.Decision;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.PaymentDecisionCommand;
import id.webrana.cloud.application.port.in.InvoicesUseCase.PayInvoiceCommand;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import id.webrana.cloud.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import id.webrana.cloud.application.port.out.AccessTokenIssuer;
import id.webrana.cloud.application.port.out.InvoiceDocumentRenderer;
import id.webrana.cloud.application.port.out.PasswordHasher;
import id.webrana.cloud.application.port.out.PaymentGateway;
import id.webrana.cloud.application.service.AccountService;
import id.webrana.cloud.application.service.AccountSettings;
import id.webrana.cloud.application.service.BillingService;
import id.webrana.cloud.application.service.BillingSettings;
import id.webrana.cloud.application.service.CatalogService;
import id.webrana.cloud.application.service.InstanceService;
import id.webrana.cloud.application.service.LifecycleService;
import id.webrana.cloud.application.service.LifecycleSettings;
import id.webrana.cloud.application.service.OrderService;
import id.webrana.cloud.application.service.OrderSettings;
import id.webrana.cloud.application.service.ProvisioningService;
import id.webrana.cloud.application.service.ProvisioningSettings;
import id.webrana.cloud.application.service.Renewals;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.billing.Invoice;
import id.webrana.cloud.domain.billing.InvoicePurpose;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.provisioning.Backoff;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Must-show of the lifecycle: with a controllable clock, servers walk through the 7d/3d/1d/8h reminders,
 * a failed auto-renewal, grace, suspension (power_off at the provider), payment and unsuspension, and a
 * second expiry through to termination (the droplet destroyed), while two schedulers (two servers) run
 * at the same moments on one PostgreSQL database. Nothing is done twice: counted in the outbox, in the
 * history's step keys and in the calls the provider received.
 */
class LifecycleTwoSchedulersTest extends PostgresTest {

    private static final Instant T0 = Instant.parse("2026-06-01T02:00:00Z");
    private static final Actor ADMIN = new Actor(Actor.Type.ADMIN, "admin-lifecycle");
    private static final int SERVERS = 4;

    private MutableClock clock;
    private FakeCloudProvider provider;
    private OrderService orders;
    private ProvisioningService provisioning;
    private BillingService billing;
    private Renewals renewals;
    private LifecycleService schedulerA;
    private LifecycleService schedulerB;
    private InstanceService instanceService;
    private AccountService accounts;

    private <T> T unused(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (p, m, a) -> {
            throw new AssertionError("not used in this test: " + port.getSimpleName() + "." + m.getName());
        }));
    }

    private void wire() {
        clock = new MutableClock(T0);
        provider = new FakeCloudProvider(1);
        PasswordHasher hasher = new PasswordHasher() {
            @Override
            public String hash(char[] plain) {
                return "plain:" + new String(plain);
            }

            @Override
            public boolean matches(char[] plain, String hash) {
                return ("plain:" + new String(plain)).equals(hash);
            }
        };
        accounts = new AccountService(db.users, db.refreshTokens, db.oneTimeTokens, hasher,
                unused(AccessTokenIssuer.class), db.notifier, db.tx, clock, AccountSettings.defaults("http://x"));
        CatalogService catalog = new CatalogService(db.plans, db.images, db.promos, db.coupons, db.tx, clock);
        BillingSettings billingSettings = BillingSettings.defaults("http://localhost:9080");
        orders = new OrderService(catalog, db.orders, db.tasks, db.instances, db.users, db.coupons, db.notifier,
                () -> { }, db.tx, clock, new OrderSettings(Duration.ofHours(2), "sgp1", Duration.ofMinutes(10)),
                db.invoices, billingSettings);
        provisioning = new ProvisioningService(db.tasks, db.orders, db.instances, db.users, provider, db.notifier,
                db.tx, clock, new ProvisioningSettings(Duration.ofSeconds(5), new Backoff(Duration.ofSeconds(1),
                Duration.ofSeconds(8)), "http://localhost:9080"), db.instanceEvents, db.credentials,
                password -> "$6$salt$" + Integer.toHexString(password.hashCode()));
        LifecycleSettings settings = LifecycleSettings.defaults();
        renewals = new Renewals(db.instances, db.instanceEvents, db.invoices, db.wallets, db.payments, db.users,
                db.notifier, settings, billingSettings);
        billing = new BillingService(db.invoices, db.paymentAttempts, db.payments, db.wallets, db.callbacks,
                db.orders, db.users, orders, unused(PaymentGateway.class), unused(InvoiceDocumentRenderer.class),
                db.notifier, () -> { }, db.tx, clock, billingSettings, renewals);
        schedulerA = new LifecycleService(db.instances, db.instanceEvents, db.instanceActions, db.credentials,
                db.invoices, db.wallets, renewals, provider, db.notifier, db.tx, clock, settings);
        schedulerB = new LifecycleService(db.instances, db.instanceEvents, db.instanceActions, db.credentials,
                db.invoices, db.wallets, renewals, provider, db.notifier, db.tx, clock, settings);
        instanceService = new InstanceService(db.instances, db.instanceActions, db.instanceEvents, db.credentials,
                db.orders, db.tasks, renewals, schedulerA, provider, () -> { }, db.tx, clock, settings,
                Duration.ofMinutes(10), db.users);
    }

    private Instance activeServer(int n) {
        User user = accounts.register(new RegisterUserCommand(Fixtures.uniqueEmail("siklus" + n),
                "rahasia123".toCharArray(), "Sari " + n, "081234567890"));
        Order order = orders.placeOrder(new PlaceOrderCommand(user.id(), Fixtures.PLAN_BASIC_1GB,
                Fixtures.IMAGE_UBUNTU_2404, "MONTHLY", "siklus-" + n, null, List.of(Fixtures.SSH_KEY_1)));
        orders.changePaymentStatus(new PaymentDecisionCommand(order.id(), Decision.APPROVE, "transfer", ADMIN));
        for (int i = 0; i < 5; i++) {
            provisioning.processDueTasks(10);
            clock.advance(Duration.ofSeconds(5));
        }
        return db.inTx(() -> db.instances.findByOrderId(order.id())).orElseThrow();
    }

    /** Both schedulers run at the same instant, released together by a barrier, twice each. */
    private void bothSchedulersAt(Instant at) throws Exception {
        clock.set(at);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (LifecycleService scheduler : List.of(schedulerA, schedulerB)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return scheduler.runDueLifecycleSteps(50) + scheduler.runDueLifecycleSteps(50);
                }));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Instance reload(Instance i) {
        return db.inTx(() -> db.instances.findById(i.id())).orElseThrow();
    }

    private long outbox(String template, Instance i) {
        String email = db.inTx(() -> db.users.findById(i.userId())).orElseThrow().email().value();
        return db.count("SELECT count(*) FROM notification_outbox WHERE template = ? AND recipient = ?", template,
                email);
    }

    private long calls(Instance i, String call) {
        return provider.calls.stream().filter(c -> c.equals(i.providerServerId() + ":" + call)).count();
    }

    @Test
    @Timeout(180)
    void two_schedulers_walk_servers_from_reminders_to_termination_and_no_step_happens_twice() throws Exception {
        wire();
        List<Instance> servers = new ArrayList<>();
        for (int n = 0; n < SERVERS; n++) {
            servers.add(activeServer(n));
        }
        for (Instance s : servers) {
            instanceService.setAutoRenew(s.userId(), s.id(), true); // with an empty wallet: it will fail
        }
        Instant p = servers.get(SERVERS - 1).expiresAt(); // the latest: every server's step is due by then
        assertThat(servers).allSatisfy(s -> assertThat(s.expiresAt()).isBetween(p.minusSeconds(120), p));

        // reminders 7d/3d/1d/8h, each visited twice by both schedulers
        for (Duration before : List.of(Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(1), Duration.ofHours(8))) {
            bothSchedulersAt(p.minus(before));
            bothSchedulersAt(p.minus(before).plusSeconds(1));
        }
        for (Instance s : servers) {
            assertThat(outbox("VPS_EXPIRING", s)).isEqualTo(4);
            assertThat(outbox("VPS_AUTO_RENEW_FAILED", s)).isEqualTo(1);
            assertThat(db.count("SELECT count(*) FROM invoices WHERE purpose = 'RENEWAL' AND subject_id = ?",
                    s.id())).isEqualTo(1);
        }

        // grace, then suspension: one power_off per droplet
        bothSchedulersAt(p.plusSeconds(1));
        bothSchedulersAt(p.plus(Duration.ofDays(2)).plusSeconds(1));
        bothSchedulersAt(p.plus(Duration.ofDays(3)).plusSeconds(1));
        bothSchedulersAt(p.plus(Duration.ofDays(3)).plusSeconds(2));
        for (Instance s : servers) {
            assertThat(reload(s).status()).isEqualTo(Instance.Status.SUSPENDED);
            assertThat(calls(s, "POWER_OFF")).isEqualTo(1);
            assertThat(outbox("VPS_EXPIRED", s)).isEqualTo(2);
            assertThat(outbox("VPS_SUSPENDED", s)).isEqualTo(1);
        }

        // the first server's customer tops up and pays: renewed by one month, powered on once
        Instance paying = servers.get(0);
        clock.set(p.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        db.inTx(() -> {
            var wallet = db.wallets.lockForUpdate(paying.userId());
            wallet.credit(Money.rupiah(200_000), WalletEntryType.DEPOSIT, "TOPUP-" + UUID.randomUUID(), "top-up",
                    new Actor(Actor.Type.CUSTOMER, paying.userId().toString()), clock.instant());
            db.wallets.save(wallet);
        });
        Invoice renewal = db.inTx(() -> db.invoices.findLatestFor(InvoicePurpose.RENEWAL, paying.id())).orElseThrow();
        billing.pay(new PayInvoiceCommand(paying.userId(), renewal.id(), "WALLET"));
        assertThat(reload(paying).expiresAt()).isEqualTo(BillingPeriod.MONTHLY.addTo(paying.expiresAt()));
        bothSchedulersAt(clock.instant());
        bothSchedulersAt(clock.instant().plusSeconds(1));
        assertThat(reload(paying).status()).isEqualTo(Instance.Status.ACTIVE);
        assertThat(calls(paying, "POWER_ON")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM wallet_entries WHERE user_id = ? AND type = 'RENEWAL'",
                paying.userId())).isEqualTo(1);

        // the others are destroyed after the retention; the paying one lives on into its second period
        Instant suspendedAt = reload(servers.get(1)).suspendedAt();
        bothSchedulersAt(suspendedAt.plus(Duration.ofDays(7)).plusSeconds(1));
        bothSchedulersAt(suspendedAt.plus(Duration.ofDays(7)).plusSeconds(2));
        for (Instance s : servers.subList(1, SERVERS)) {
            assertThat(reload(s).status()).isEqualTo(Instance.Status.TERMINATED);
            assertThat(calls(s, "DELETE")).isEqualTo(1);
            assertThat(outbox("VPS_TERMINATED", s)).isEqualTo(1);
        }
        assertThat(reload(paying).status()).isEqualTo(Instance.Status.ACTIVE);

        // the paying server's second period: auto-renew off now, nobody pays, through to termination
        instanceService.setAutoRenew(paying.userId(), paying.id(), false);
        Instant p2 = reload(paying).expiresAt();
        for (Duration before : List.of(Duration.ofDays(7), Duration.ofDays(3), Duration.ofDays(1), Duration.ofHours(8))) {
            bothSchedulersAt(p2.minus(before));
        }
        bothSchedulersAt(p2.plusSeconds(1));
        bothSchedulersAt(p2.plus(Duration.ofDays(3)).plusSeconds(1));
        Instance suspendedAgain = reload(paying);
        assertThat(suspendedAgain.status()).isEqualTo(Instance.Status.SUSPENDED);
        bothSchedulersAt(suspendedAgain.suspendedAt().plus(Duration.ofDays(7)).plusSeconds(1));
        bothSchedulersAt(suspendedAgain.suspendedAt().plus(Duration.ofDays(7)).plusSeconds(2));

        assertThat(reload(paying).status()).isEqualTo(Instance.Status.TERMINATED);
        assertThat(outbox("VPS_EXPIRING", paying)).isEqualTo(8);
        assertThat(calls(paying, "POWER_OFF")).isEqualTo(2);
        assertThat(calls(paying, "POWER_ON")).isEqualTo(1);
        assertThat(calls(paying, "DELETE")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM instance_events WHERE instance_id = ? AND step_key IS NOT NULL",
                paying.id())).isEqualTo(db.count("SELECT count(DISTINCT step_key) FROM instance_events "
                + "WHERE instance_id = ? AND step_key IS NOT NULL", paying.id()));
    }
}
