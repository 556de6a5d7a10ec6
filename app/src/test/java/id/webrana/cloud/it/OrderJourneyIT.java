package id.webrana.cloud.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's core journey on the running server, through the REST API only: register, log in,
 * browse, quote with a coupon, order, admin approval, and the DigitalOcean simulator's droplet
 * ACTIVE with an IPv4 — within the simulator's boot delay plus 10 s.
 */
class OrderJourneyIT {

    static final String PLAN = "22222222-0000-0000-0000-000000000001";
    static final String IMAGE = "11111111-0000-0000-0000-000000002404";
    static final Duration BOOT_DELAY = Duration.ofSeconds(Long.getLong("it.sandbox.boot.delay.seconds", 3));

    @BeforeAll
    static void cleanSimulator() {
        Api.post("/sandbox/digitalocean/_control/reset", "{}");
    }

    @Test
    void a_paid_order_becomes_an_active_droplet_with_an_ipv4_within_the_boot_delay_plus_ten_seconds() throws Exception {
        String token = Api.newCustomerToken("journey");

        Api.Reply plans = Api.get("/api/v1/catalog/plans");
        assertThat(plans.status()).isEqualTo(200);
        JsonArray planList = (JsonArray) plans.parse();
        assertThat(planList).hasSizeGreaterThanOrEqualTo(5);

        Api.Reply quote = Api.post("/api/v1/catalog/quote", "{\"planId\":\"" + PLAN + "\",\"imageId\":\"" + IMAGE
                + "\",\"period\":\"MONTHLY\",\"couponCode\":\"HEMAT10\"}", Api.bearer(token));
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        assertThat(quote.json().getJsonNumber("basePrice").longValue()).isEqualTo(90_000);
        assertThat(quote.json().getJsonNumber("couponDiscount").longValue()).isEqualTo(9_000);
        assertThat(quote.json().getJsonNumber("finalPrice").longValue()).isEqualTo(81_000);

        Api.Reply created = Api.post("/api/v1/orders", "{\"planId\":\"" + PLAN + "\",\"imageId\":\"" + IMAGE
                + "\",\"period\":\"MONTHLY\",\"hostname\":\"web-journey\",\"couponCode\":\"HEMAT10\"}", Api.bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().getString("id");
        assertThat(created.json().getString("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(created.json().getJsonObject("pricing").getJsonNumber("finalPrice").longValue()).isEqualTo(81_000);

        long approvedAt = System.nanoTime();
        Api.Reply approved = Api.post("/internal/orders/" + orderId + "/payment-status",
                "{\"decision\":\"APPROVE\",\"reason\":\"Transfer BCA diterima\"}", Api.apiKey());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonObject order = awaitStatus(token, orderId, "ACTIVE", BOOT_DELAY.plusSeconds(10));
        long tookMillis = (System.nanoTime() - approvedAt) / 1_000_000;
        System.out.printf("order %s ACTIVE %d ms after approval (boot delay %s)%n", orderId, tookMillis, BOOT_DELAY);

        JsonObject instance = order.getJsonObject("instance");
        assertThat(instance.getString("ipv4")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(instance.getString("hostname")).isEqualTo("web-journey");
        assertThat(instance.getString("region")).isEqualTo("sgp1");
        List<String> trail = order.getJsonArray("statusHistory").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("to")).toList();
        assertThat(trail).containsExactly("PENDING_PAYMENT", "PAID", "PROVISIONING", "ACTIVE");
        JsonObject paid = order.getJsonArray("statusHistory").getJsonObject(1);
        assertThat(paid.getString("actorType")).isEqualTo("API_KEY");

        Api.Reply droplets = Api.get("/sandbox/digitalocean/_control/droplets?tag_name=webrana-order-" + orderId);
        assertThat(droplets.json().getInt("total")).isEqualTo(1);
    }

    @Test
    void two_concurrent_approvals_make_one_transition_and_one_droplet_and_the_other_gets_409() throws Exception {
        String token = Api.newCustomerToken("race");
        Api.Reply created = Api.post("/api/v1/orders", "{\"planId\":\"" + PLAN + "\",\"imageId\":\"" + IMAGE
                + "\",\"period\":\"DAILY\",\"hostname\":\"race-1\"}", Api.bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().getString("id");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<Api.Reply> approve = () -> {
                start.await();
                return Api.post("/internal/orders/" + orderId + "/payment-status",
                        "{\"decision\":\"APPROVE\",\"reason\":\"race\"}", Api.apiKey());
            };
            replies.add(pool.submit(approve));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Reply> f : replies) {
            Api.Reply r = f.get();
            statuses.add(r.status());
            if (r.status() == 409) {
                assertThat(r.errorCode()).isEqualTo("PAYMENT_STATUS_CONFLICT");
            }
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);

        JsonObject order = awaitStatus(token, orderId, "ACTIVE", BOOT_DELAY.plusSeconds(10));
        long paidTransitions = order.getJsonArray("statusHistory").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("to").equals("PAID")).count();
        assertThat(paidTransitions).isEqualTo(1);
        Api.Reply droplets = Api.get("/sandbox/digitalocean/_control/droplets?tag_name=webrana-order-" + orderId);
        assertThat(droplets.json().getInt("total")).isEqualTo(1);
    }

    static JsonObject awaitStatusAllowingFailure(String token, String orderId, String status, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            Api.Reply r = Api.get("/api/v1/orders/" + orderId, Api.bearer(token));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            last = r.json();
            if (last.getString("status").equals(status)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("order " + orderId + " not " + status + " within " + within + ": " + last);
    }

    static JsonObject awaitStatus(String token, String orderId, String status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            Api.Reply r = Api.get("/api/v1/orders/" + orderId, Api.bearer(token));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            last = r.json();
            if (last.getString("status").equals(status)) {
                return last;
            }
            assertThat(last.getString("status")).as(r.body()).isNotEqualTo("FAILED");
            Thread.sleep(250);
        }
        throw new AssertionError("order " + orderId + " not " + status + " within " + within + ": " + last);
    }
}
