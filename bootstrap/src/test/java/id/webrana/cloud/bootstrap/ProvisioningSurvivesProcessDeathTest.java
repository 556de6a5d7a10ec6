package id.webrana.cloud.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import id.webrana.cloud.adapter.out.persistence.JpaCouponRepository;
import id.webrana.cloud.adapter.out.persistence.JpaImageRepository;
import id.webrana.cloud.adapter.out.persistence.JpaInstanceRepository;
import id.webrana.cloud.adapter.out.persistence.JpaOneTimeTokenRepository;
import id.webrana.cloud.adapter.out.persistence.JpaOrderRepository;
import id.webrana.cloud.adapter.out.persistence.JpaPlanRepository;
import id.webrana.cloud.adapter.out.persistence.JpaPromoRepository;
import id.webrana.cloud.adapter.out.persistence.JpaProvisioningTaskRepository;
import id.webrana.cloud.adapter.out.persistence.JpaRefreshTokenRepository;
import id.webrana.cloud.adapter.out.persistence.JpaTransactionRunner;
import id.webrana.cloud.adapter.out.persistence.JpaUnit;
import id.webrana.cloud.adapter.out.persistence.JpaUserRepository;
import id.webrana.cloud.adapter.out.persistence.LiquibaseMigrator;
import id.webrana.cloud.adapter.out.persistence.OutboxNotifier;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.Decision;
import id.webrana.cloud.application.port.in.ChangePaymentStatusUseCase.PaymentDecisionCommand;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import id.webrana.cloud.application.port.in.RegisterUserUseCase.RegisterUserCommand;
import id.webrana.cloud.application.port.out.AccessTokenIssuer;
import id.webrana.cloud.application.port.out.PasswordHasher;
import id.webrana.cloud.application.service.AccountService;
import id.webrana.cloud.application.service.AccountSettings;
import id.webrana.cloud.application.service.CatalogService;
import id.webrana.cloud.application.service.OrderService;
import id.webrana.cloud.application.service.OrderSettings;
import id.webrana.cloud.bootstrap.ChildJvm.ChildRun;
import id.webrana.cloud.domain.account.User;
import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.shared.Actor;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The requirement, with a real process death: a worker JVM is killed between the
 * provider's create call and the commit of that step, a new worker JVM starts, and the order ends
 * up {@code ACTIVE} with exactly one droplet.
 *
 * <p>Everything that matters is real: PostgreSQL (its own database {@code webrana_crash_<random>},
 * migrated by {@link LiquibaseMigrator}), the JPA adapter, the application services and the
 * DigitalOcean client (MicroProfile Rest Client). The DigitalOcean API is WireMock, running here in
 * the test JVM, outside the process that dies, so it remembers the droplet the dead worker created
 * and counts every create request. The workers are child JVMs running
 * {@link ProvisioningWorkerProcess}; the first one halts ({@code Runtime.halt}, no shutdown hooks,
 * no rollback) right after {@code POST /v2/droplets} returned.
 */
class ProvisioningSurvivesProcessDeathTest {

    private static final UUID PLAN_BASIC_1GB = UUID.fromString("22222222-0000-0000-0000-000000000001");
    private static final UUID IMAGE_UBUNTU_2404 = UUID.fromString("11111111-0000-0000-0000-000000002404");
    private static final Actor ADMIN = new Actor(Actor.Type.ADMIN, "admin-ops");
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(40);

    private static final String DROPLETS = "/v2/droplets";
    private static final long DROPLET_ID = 3164444L;
    /** The id WireMock gives a second droplet: the order must never get it. */
    private static final long SECOND_DROPLET_ID = 3164445L;
    private static final String PUBLIC_IPV4 = "159.89.197.42";

    /** WireMock scenario states: no droplet yet, created (booting), booted (active). */
    private static final String CREATED = "droplet created";
    private static final String BOOTED = "droplet booted";

    private final ThrowAwayDatabase db = new ThrowAwayDatabase("webrana_crash_", "webrana-crash-test");
    private final ChildJvm children = new ChildJvm(Path.of("target", "process-death", db.name()), CHILD_TIMEOUT);
    private WireMockServer digitalOcean;
    private EntityManagerFactory emf;

    @BeforeEach
    void startTheDigitalOceanStandInAndAFreshDatabase() {
        digitalOcean = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        digitalOcean.start();
        db.createAndMigrate(true);
        emf = JpaUnit.create(db.dataSource());
    }

    @AfterEach
    void killChildrenAndDropEverything() {
        try {
            children.killAll();
        } finally {
            try {
                if (emf != null) {
                    emf.close();
                }
                if (digitalOcean != null) {
                    digitalOcean.stop();
                }
            } finally {
                db.drop();
            }
        }
    }

    @Test
    @Timeout(120)
    void aWorkerKilledRightAfterTheDropletCreateLeavesTheTaskUntouchedAndTheRestartedWorkerAdoptsThatDroplet()
            throws Exception {
        UUID orderId = aPaidOrder();
        String tag = Order.providerTag(orderId);
        stubDigitalOcean(tag);
        assertThat(db.scalar("SELECT status FROM provisioning_tasks WHERE order_id = ?", orderId)).isEqualTo("PENDING");

        // run 1: the worker dies the moment the droplet exists
        ChildRun crashed = runWorker("1-crash", orderId, true);

        assertThat(crashed.exitCode()).as("the first worker halted after the create call\n%s", crashed.log())
                .isEqualTo(ProvisioningWorkerProcess.EXIT_HALTED);
        assertThat(crashed.log()).contains(ProvisioningWorkerProcess.HALT_MARKER + DROPLET_ID);
        assertThat(digitalOcean.findAll(getRequestedFor(urlPathEqualTo(DROPLETS))
                .withQueryParam("tag_name", equalTo(tag))))
                .as("the tag was looked up before the create").hasSize(1);
        List<LoggedRequest> creates = digitalOcean.findAll(postRequestedFor(urlEqualTo(DROPLETS)));
        assertThat(creates).as("the provider got one create").hasSize(1);
        assertThat(creates.get(0).getBodyAsString()).contains("\"" + tag + "\"");
        assertThat(db.scalar("SELECT status FROM provisioning_tasks WHERE order_id = ?", orderId))
                .as("the step's transaction died with the process").isEqualTo("PENDING");
        assertThat(db.scalar("SELECT provider_server_id FROM provisioning_tasks WHERE order_id = ?", orderId)).isNull();
        assertThat(db.count("SELECT attempts FROM provisioning_tasks WHERE order_id = ?", orderId)).isZero();
        assertThat(db.scalar("SELECT status FROM orders WHERE id = ?", orderId)).isEqualTo("PAID");
        assertThat(db.count("SELECT COUNT(*) FROM order_status_history WHERE order_id = ?", orderId))
                .as("PENDING_PAYMENT and PAID only: PROVISIONING was never committed").isEqualTo(2);
        assertThat(db.count("SELECT COUNT(*) FROM instances WHERE order_id = ?", orderId)).isZero();

        // run 2: the restart
        ChildRun restarted = runWorker("2-restart", orderId, false);

        assertThat(restarted.exitCode()).as("the restarted worker activated the order\n%s", restarted.log())
                .isZero();
        assertThat(digitalOcean.findAll(postRequestedFor(urlEqualTo(DROPLETS))))
                .as("still one create over both processes: the restarted worker adopted the droplet").hasSize(1);
        assertThat(digitalOcean.findAll(deleteRequestedFor(anyUrl()))).as("nothing destroyed").isEmpty();
        assertThat(db.scalar("SELECT status FROM orders WHERE id = ?", orderId)).isEqualTo("ACTIVE");
        assertThat(db.count("SELECT COUNT(*) FROM instances")).as("exactly one instance row").isEqualTo(1);
        assertThat(db.scalar("SELECT provider_server_id FROM instances WHERE order_id = ?", orderId))
                .isEqualTo(String.valueOf(DROPLET_ID));
        assertThat(db.scalar("SELECT ipv4 FROM instances WHERE order_id = ?", orderId)).isEqualTo(PUBLIC_IPV4);
        assertThat(db.scalar("SELECT status FROM instances WHERE order_id = ?", orderId)).isEqualTo("ACTIVE");
        assertThat(db.scalar("SELECT instance_id FROM orders WHERE id = ?", orderId))
                .isEqualTo(db.scalar("SELECT id FROM instances WHERE order_id = ?", orderId));
        assertThat(db.scalar("SELECT status FROM provisioning_tasks WHERE order_id = ?", orderId)).isEqualTo("SUCCEEDED");
        assertThat(db.scalar("SELECT provider_server_id FROM provisioning_tasks WHERE order_id = ?", orderId))
                .isEqualTo(String.valueOf(DROPLET_ID));
        assertThat(db.scalar("SELECT string_agg(to_status, ',' ORDER BY seq) FROM order_status_history"
                + " WHERE order_id = ?", orderId)).isEqualTo("PENDING_PAYMENT,PAID,PROVISIONING,ACTIVE");
        assertThat(db.count("SELECT COUNT(*) FROM notification_outbox WHERE template = 'VPS_ACTIVE'")).isEqualTo(1);
        assertThat(digitalOcean.findAll(getRequestedFor(urlPathMatching(DROPLETS + "/[0-9]+"))))
                .extracting(LoggedRequest::getUrl).containsOnly(DROPLETS + "/" + DROPLET_ID);
    }

    // ---------------------------------------------------------------- the order

    /** A customer's order on the demo catalog, approved by an admin: PAID with a PENDING provisioning task. */
    private UUID aPaidOrder() {
        JpaTransactionRunner tx = new JpaTransactionRunner(emf);
        OutboxNotifier notifier = new OutboxNotifier();
        JpaUserRepository users = new JpaUserRepository();
        JpaCouponRepository coupons = new JpaCouponRepository();
        Clock clock = Clock.systemUTC();
        PasswordHasher hasher = TestCredentials.plainHasher();
        AccessTokenIssuer tokens = TestCredentials.tokens(clock);
        AccountService accounts = new AccountService(users, new JpaRefreshTokenRepository(),
                new JpaOneTimeTokenRepository(), hasher, tokens, notifier, tx, clock,
                AccountSettings.defaults("http://localhost:9080"));
        CatalogService catalog = new CatalogService(new JpaPlanRepository(), new JpaImageRepository(),
                new JpaPromoRepository(), coupons, tx, clock);
        OrderService orders = new OrderService(catalog, new JpaOrderRepository(), new JpaProvisioningTaskRepository(),
                new JpaInstanceRepository(), users, coupons, notifier, () -> { }, tx, clock,
                new OrderSettings(Duration.ofHours(2), "sgp1", Duration.ofMinutes(10)),
                new id.webrana.cloud.adapter.out.persistence.JpaInvoiceRepository(),
                id.webrana.cloud.application.service.BillingSettings.defaults("http://localhost:9080"));

        User user = accounts.register(new RegisterUserCommand("crash-" + db.name() + "@example.com",
                "rahasia123".toCharArray(), "Dewi Crash", "081234567890"));
        Order placed = orders.placeOrder(new PlaceOrderCommand(user.id(), PLAN_BASIC_1GB, IMAGE_UBUNTU_2404,
                "MONTHLY", "crash-web-1", null, List.of()));
        Order paid = orders.changePaymentStatus(new PaymentDecisionCommand(placed.id(), Decision.APPROVE,
                "BCA transfer", ADMIN));
        assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
        return placed.id();
    }

    // ---------------------------------------------------------------- the DigitalOcean stand-in

    /**
     * A stateful DigitalOcean: listing by the order's tag is empty until a droplet was created; a
     * create answers 202 with droplet {@value #DROPLET_ID} ({@code new}); the droplet is
     * {@code new} at its first look and {@code active} with a public IPv4 afterwards. A second
     * create would get another droplet, {@value #SECOND_DROPLET_ID}, which the assertions reject.
     */
    private void stubDigitalOcean(String tag) {
        String scenario = "one droplet";
        digitalOcean.stubFor(get(urlPathEqualTo(DROPLETS)).withQueryParam("tag_name", equalTo(tag))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, page(List.of()))));
        digitalOcean.stubFor(get(urlPathEqualTo(DROPLETS)).withQueryParam("tag_name", equalTo(tag))
                .inScenario(scenario).whenScenarioStateIs(CREATED)
                .willReturn(json(200, page(List.of(droplet(DROPLET_ID, "new", tag))))));
        digitalOcean.stubFor(get(urlPathEqualTo(DROPLETS)).withQueryParam("tag_name", equalTo(tag))
                .inScenario(scenario).whenScenarioStateIs(BOOTED)
                .willReturn(json(200, page(List.of(droplet(DROPLET_ID, "active", tag))))));

        digitalOcean.stubFor(post(urlEqualTo(DROPLETS))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo(CREATED)
                .willReturn(json(202, createResponse(droplet(DROPLET_ID, "new", tag)))));
        for (String state : List.of(CREATED, BOOTED)) {
            digitalOcean.stubFor(post(urlEqualTo(DROPLETS))
                    .inScenario(scenario).whenScenarioStateIs(state)
                    .willReturn(json(202, createResponse(droplet(SECOND_DROPLET_ID, "new", tag)))));
        }
        digitalOcean.stubFor(get(urlPathMatching(DROPLETS + "/[0-9]+")).atPriority(9)
                .willReturn(json(404, "{\"id\":\"not_found\",\"message\":\"The resource you were accessing could"
                        + " not be found.\"}")));
        digitalOcean.stubFor(get(urlEqualTo(DROPLETS + "/" + DROPLET_ID))
                .inScenario(scenario).whenScenarioStateIs(CREATED).willSetStateTo(BOOTED)
                .willReturn(json(200, "{\"droplet\":" + droplet(DROPLET_ID, "new", tag) + "}")));
        digitalOcean.stubFor(get(urlEqualTo(DROPLETS + "/" + DROPLET_ID))
                .inScenario(scenario).whenScenarioStateIs(BOOTED)
                .willReturn(json(200, "{\"droplet\":" + droplet(DROPLET_ID, "active", tag) + "}")));
        digitalOcean.stubFor(get(urlEqualTo(DROPLETS + "/" + SECOND_DROPLET_ID))
                .willReturn(json(200, "{\"droplet\":" + droplet(SECOND_DROPLET_ID, "active", tag) + "}")));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "4999")
                .withBody(body);
    }

    /** A droplet as the API describes it; {@code new} ones have no network yet. */
    private static String droplet(long id, String status, String tag) {
        String v4 = status.equals("active")
                ? "{\"ip_address\":\"" + PUBLIC_IPV4 + "\",\"netmask\":\"255.255.240.0\",\"gateway\":\"159.89.192.1\","
                        + "\"type\":\"public\"},{\"ip_address\":\"10.130.0.5\",\"netmask\":\"255.255.240.0\","
                        + "\"gateway\":\"nil\",\"type\":\"private\"}"
                : "";
        return """
                {"id":%d,"name":"crash-web-1","memory":1024,"vcpus":1,"disk":25,"locked":false,"status":"%s",
                 "created_at":"2026-03-01T10:15:30Z","features":[],"backup_ids":[],"snapshot_ids":[],
                 "image":{"id":160232537,"name":"24.04 (LTS) x64","distribution":"Ubuntu","slug":"ubuntu-24-04-x64",
                          "public":true,"regions":["sgp1"],"type":"base","min_disk_size":7,"status":"available"},
                 "volume_ids":[],
                 "size":{"slug":"s-1vcpu-1gb","memory":1024,"vcpus":1,"disk":25,"transfer":1.0,"price_monthly":6.0,
                         "price_hourly":0.00893,"regions":["sgp1"],"available":true,"description":"Basic"},
                 "size_slug":"s-1vcpu-1gb",
                 "networks":{"v4":[%s],"v6":[]},
                 "region":{"name":"Singapore 1","slug":"sgp1","features":["ipv6"],"available":true,
                           "sizes":["s-1vcpu-1gb"]},
                 "tags":["%s","webrana"],"vpc_uuid":"5a4981aa-9653-4bd1-bef5-d6bff52042e4"}
                """.formatted(id, status, v4, tag);
    }

    private static String page(List<String> droplets) {
        return "{\"droplets\":[" + String.join(",", droplets) + "],\"links\":{},\"meta\":{\"total\":"
                + droplets.size() + "}}";
    }

    private static String createResponse(String dropletJson) {
        return "{\"droplet\":" + dropletJson + ",\"links\":{\"actions\":[{\"id\":7515,\"rel\":\"create\","
                + "\"href\":\"https://api.digitalocean.com/v2/actions/7515\"}]}}";
    }

    // ---------------------------------------------------------------- child JVMs

    /** Runs one worker JVM to its end (bounded) and returns its exit code and output. */
    private ChildRun runWorker(String name, UUID orderId, boolean haltAfterCreate) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--db=" + db.name(), "--do-url=" + digitalOcean.baseUrl(), "--order=" + orderId,
                "--timeout-seconds=" + (CHILD_TIMEOUT.toSeconds() - 10)));
        if (haltAfterCreate) {
            args.add("--halt-after-create");
        }
        return children.run("worker", name, ProvisioningWorkerProcess.class, args, () -> "WireMock saw: "
                + digitalOcean.findAll(anyRequestedFor(anyUrl())).stream()
                        .map(r -> r.getMethod() + " " + r.getUrl()).toList());
    }
}
