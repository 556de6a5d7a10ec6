package id.webrana.cloud.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing on the running server with its embedded defaults: the real Tripay adapter talks HTTP to the
 * Tripay simulator in the sandbox war, which signs its callbacks with the sandbox private key.
 */
class BillingIT {

    static final String PLAN = OrderJourneyIT.PLAN;
    static final String IMAGE = OrderJourneyIT.IMAGE;
    static final String PRIVATE_KEY = "webrana-sandbox-private-key";
    static final String DB_URL = System.getProperty("it.db.url", "jdbc:postgresql://127.0.0.1:5432/webrana_it");
    static final String DB_USER = System.getProperty("it.db.user", "postgres");

    @BeforeAll
    static void cleanSimulators() {
        Api.post("/sandbox/digitalocean/_control/reset", "{}");
    }

    @AfterEach
    void callbacksOnAgain() {
        Api.send("PUT", "/sandbox/tripay/_control/config", "{\"dropCallbacks\":false}");
    }

    // ------------------------------------------------------------------ helpers

    record Placed(String token, String orderId, String invoiceId, long total) {
    }

    static Placed placeOrder(String token, String hostname) {
        Api.Reply created = Api.post("/api/v1/orders", "{\"planId\":\"" + PLAN + "\",\"imageId\":\"" + IMAGE
                + "\",\"period\":\"MONTHLY\",\"hostname\":\"" + hostname + "\"}", Api.bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().getString("id");
        Api.Reply invoice = Api.post("/api/v1/billing/invoices", "{\"orderId\":\"" + orderId + "\"}",
                Api.bearer(token));
        assertThat(invoice.status()).as(invoice.body()).isEqualTo(201);
        return new Placed(token, orderId, invoice.json().getString("id"),
                invoice.json().getJsonNumber("total").longValue());
    }

    static JsonObject pay(Placed p, String method) {
        Api.Reply paid = Api.post("/api/v1/billing/invoices/" + p.invoiceId() + "/pay",
                "{\"method\":\"" + method + "\"}", Api.bearer(p.token()));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return paid.json();
    }

    static JsonObject invoice(Placed p) {
        Api.Reply r = Api.get("/api/v1/billing/invoices/" + p.invoiceId(), Api.bearer(p.token()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static JsonObject awaitInvoice(Placed p, String status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            last = invoice(p);
            if (last.getString("status").equals(status)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("invoice " + p.invoiceId() + " not " + status + " within " + within + ": " + last);
    }

    static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PRIVATE_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static Api.Reply callback(String body, String signature, String event) {
        return Api.post("/internal/billing/webhooks/tripay", body, "X-Callback-Signature", signature,
                "X-Callback-Event", event);
    }

    static String paidCallback(JsonObject payment, long totalAmount) {
        return "{\"reference\":\"" + payment.getString("reference") + "\",\"merchant_ref\":\""
                + payment.getString("merchantRef") + "\",\"payment_method\":\"" + payment.getString("methodName")
                + "\",\"payment_method_code\":\"" + payment.getString("method") + "\",\"total_amount\":" + totalAmount
                + ",\"fee_merchant\":0,\"fee_customer\":" + payment.getJsonNumber("fee").longValue()
                + ",\"total_fee\":" + payment.getJsonNumber("fee").longValue() + ",\"amount_received\":"
                + (totalAmount - payment.getJsonNumber("fee").longValue())
                + ",\"is_closed_payment\":1,\"status\":\"PAID\",\"paid_at\":" + (System.currentTimeMillis() / 1000)
                + ",\"note\":null}";
    }

    static String userIdOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(payload))) {
            return reader.readObject().getString("sub");
        }
    }

    static long paymentsOf(String invoiceId) throws Exception {
        try (var c = DriverManager.getConnection(DB_URL, DB_USER, "");
             var s = c.prepareStatement("SELECT count(*) FROM payments WHERE invoice_id = ?::uuid")) {
            s.setString(1, invoiceId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ------------------------------------------------------------------ the journey

    @Test
    void an_order_paid_in_the_tripay_simulator_becomes_an_active_droplet() throws Exception {
        Placed p = placeOrder(Api.newCustomerToken("tripay"), "web-tripay");
        assertThat(p.total()).isEqualTo(90_000);

        Api.Reply channels = Api.get("/api/v1/billing/payment-channels?amount=" + p.total(), Api.bearer(p.token()));
        assertThat(channels.status()).as(channels.body()).isEqualTo(200);
        assertThat(channels.body()).contains("\"code\":\"BRIVA\"").contains("\"code\":\"QRIS\"");

        JsonObject paying = pay(p, "BRIVA");
        JsonObject payment = paying.getJsonObject("payment");
        assertThat(payment.getString("payCode")).isNotBlank();
        assertThat(payment.getString("checkoutUrl")).contains("/sandbox/tripay/checkout/");
        assertThat(payment.getJsonNumber("amount").longValue()).isEqualTo(90_000);
        assertThat(payment.getJsonNumber("totalAmount").longValue())
                .isEqualTo(90_000 + payment.getJsonNumber("fee").longValue());
        // asking again with the same channel returns the same transaction
        assertThat(pay(p, "BRIVA").getJsonObject("payment").getString("reference"))
                .isEqualTo(payment.getString("reference"));

        Api.Reply settled = Api.post("/sandbox/tripay/_control/transactions/" + payment.getString("reference")
                + "/pay", "{}");
        assertThat(settled.status()).as(settled.body()).isLessThan(300);

        JsonObject paid = awaitInvoice(p, "PAID", Duration.ofSeconds(10));
        assertThat(paid.getString("paymentMethod")).isEqualTo("BRI Virtual Account");
        assertThat(paid.getString("paymentReference")).isEqualTo(payment.getString("reference"));
        JsonObject order = OrderJourneyIT.awaitStatus(p.token(), p.orderId(), "ACTIVE", Duration.ofSeconds(20));
        assertThat(order.getJsonObject("instance").getString("ipv4")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(paymentsOf(p.invoiceId())).isEqualTo(1);

        Api.Reply pdf = Api.get("/api/v1/billing/invoices/" + p.invoiceId() + "/pdf", Api.bearer(p.token()));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");

        Api.Reply log = Api.get("/internal/billing/callbacks?reference=" + payment.getString("reference"),
                Api.apiKey());
        assertThat(log.body()).contains("SETTLED_INVOICE");
    }

    @Test
    void a_hundred_concurrent_deliveries_of_one_paid_callback_make_one_payment_one_transition_and_one_droplet()
            throws Exception {
        Placed p = placeOrder(Api.newCustomerToken("dup"), "web-dup");
        JsonObject payment = pay(p, "BRIVA").getJsonObject("payment");
        String body = paidCallback(payment, payment.getJsonNumber("totalAmount").longValue());
        String signature = sign(body);

        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            replies.add(pool.submit(() -> {
                start.await();
                return callback(body, signature, "payment_status");
            }));
        }
        start.countDown();
        for (Future<Api.Reply> r : replies) {
            Api.Reply reply = r.get();
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.body()).contains("\"success\":true");
        }
        pool.shutdown();

        assertThat(paymentsOf(p.invoiceId())).isEqualTo(1);
        JsonObject order = OrderJourneyIT.awaitStatus(p.token(), p.orderId(), "ACTIVE", Duration.ofSeconds(20));
        assertThat(order.getJsonArray("statusHistory").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("to").equals("PAID")).count()).isEqualTo(1);
        Thread.sleep(1500); // a second droplet would have been requested by now
        Api.Reply droplets = Api.get("/sandbox/digitalocean/_control/droplets?tag_name=webrana-order-" + p.orderId());
        assertThat(droplets.json().getInt("total")).isEqualTo(1);
    }

    @Test
    void a_bad_signature_a_wrong_event_an_unknown_reference_or_a_wrong_amount_changes_nothing() throws Exception {
        Placed p = placeOrder(Api.newCustomerToken("badcb"), "web-badcb");
        JsonObject payment = pay(p, "BRIVA").getJsonObject("payment");
        long total = payment.getJsonNumber("totalAmount").longValue();
        String good = paidCallback(payment, total);

        Api.Reply badSignature = callback(good, sign(good + " "), "payment_status");
        assertThat(badSignature.status()).isEqualTo(401);
        assertThat(badSignature.body()).contains("\"success\":false").contains("Invalid signature");

        Api.Reply noSignature = callback(good, "", "payment_status");
        assertThat(noSignature.status()).isEqualTo(401);

        Api.Reply wrongEvent = callback(good, sign(good), "payment_refund");
        assertThat(wrongEvent.status()).isEqualTo(400);
        assertThat(wrongEvent.body()).contains("\"success\":false");

        String unknown = good.replace(payment.getString("reference"), "DEV-T999999999");
        Api.Reply unknownReply = callback(unknown, sign(unknown), "payment_status");
        assertThat(unknownReply.status()).isEqualTo(400);

        String cheap = paidCallback(payment, total - 10_000);
        Api.Reply mismatch = callback(cheap, sign(cheap), "payment_status");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("\"success\":false");

        Api.Reply malformed = callback("{not json", sign("{not json"), "payment_status");
        assertThat(malformed.status()).isEqualTo(400);

        assertThat(invoice(p).getString("status")).isEqualTo("UNPAID");
        assertThat(paymentsOf(p.invoiceId())).isZero();
        Api.Reply order = Api.get("/api/v1/orders/" + p.orderId(), Api.bearer(p.token()));
        assertThat(order.json().getString("status")).isEqualTo("PENDING_PAYMENT");
        Api.Reply refused = Api.get("/internal/billing/callbacks?outcome=REFUSED_AMOUNT_MISMATCH", Api.apiKey());
        assertThat(refused.body()).contains(payment.getString("reference"));
    }

    @Test
    void two_hundred_concurrent_wallet_payments_against_a_balance_for_fifty_let_exactly_fifty_through() throws Exception {
        String token = Api.newCustomerToken("wallet");
        String userId = userIdOf(token);
        List<Placed> orders = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            orders.add(placeOrder(token, "w" + i));
        }
        long price = orders.get(0).total();
        Api.Reply topUp = Api.post("/internal/wallets/" + userId + "/adjustments",
                "{\"amount\":" + (price * 50) + ",\"reason\":\"load test: exactly fifty orders\"}", Api.apiKey());
        assertThat(topUp.status()).as(topUp.body()).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (Placed p : orders) {
            Callable<Api.Reply> payIt = () -> {
                start.await();
                return Api.post("/api/v1/billing/invoices/" + p.invoiceId() + "/pay", "{\"method\":\"WALLET\"}",
                        Api.bearer(token));
            };
            replies.add(pool.submit(payIt));
        }
        start.countDown();
        int ok = 0;
        int refused = 0;
        for (Future<Api.Reply> f : replies) {
            Api.Reply r = f.get();
            if (r.status() == 200) {
                ok++;
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.errorCode()).isEqualTo("INSUFFICIENT_BALANCE");
                refused++;
            }
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(50);
        assertThat(refused).isEqualTo(150);

        Api.Reply wallet = Api.get("/api/v1/wallet", Api.bearer(token));
        assertThat(wallet.json().getJsonNumber("balance").longValue()).isZero();
        try (var c = DriverManager.getConnection(DB_URL, DB_USER, "");
             var s = c.prepareStatement("SELECT (SELECT balance FROM wallets WHERE user_id = ?::uuid), "
                     + "(SELECT coalesce(sum(amount), 0) FROM wallet_entries WHERE user_id = ?::uuid), "
                     + "(SELECT min(balance_after) FROM wallet_entries WHERE user_id = ?::uuid), "
                     + "(SELECT count(*) FROM wallet_entries WHERE user_id = ?::uuid AND type = 'ORDER_PAYMENT')")) {
            for (int i = 1; i <= 4; i++) {
                s.setString(i, userId);
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
                assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1));
                assertThat(rs.getLong(3)).isGreaterThanOrEqualTo(0);
                assertThat(rs.getLong(4)).isEqualTo(50);
            }
        }
    }

    @Test
    void a_payment_that_arrives_after_the_order_expired_is_credited_to_the_wallet_and_the_customer_is_told()
            throws Exception {
        String token = Api.newCustomerToken("late");
        Placed p = placeOrder(token, "web-late");
        JsonObject payment = pay(p, "BRIVA").getJsonObject("payment");
        try (var c = DriverManager.getConnection(DB_URL, DB_USER, "");
             var s = c.prepareStatement("UPDATE orders SET payment_due_at = now() - interval '1 minute' "
                     + "WHERE id = ?::uuid")) {
            s.setString(1, p.orderId());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        OrderJourneyIT.awaitStatusAllowingFailure(token, p.orderId(), "EXPIRED", Duration.ofSeconds(10));
        assertThat(awaitInvoice(p, "EXPIRED", Duration.ofSeconds(5)).getString("status")).isEqualTo("EXPIRED");

        Api.Reply settled = Api.post("/sandbox/tripay/_control/transactions/" + payment.getString("reference")
                + "/pay", "{}");
        assertThat(settled.status()).as(settled.body()).isLessThan(300);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long balance = 0;
        while (System.nanoTime() < deadline && balance == 0) {
            balance = Api.get("/api/v1/wallet", Api.bearer(token)).json().getJsonNumber("balance").longValue();
            Thread.sleep(200);
        }
        assertThat(balance).isEqualTo(p.total());
        assertThat(invoice(p).getString("status")).isEqualTo("EXPIRED");
        assertThat(Api.get("/api/v1/orders/" + p.orderId(), Api.bearer(token)).json().getString("status"))
                .isEqualTo("EXPIRED");
        Api.Reply ledger = Api.get("/api/v1/wallet/transactions", Api.bearer(token));
        assertThat(ledger.body()).contains("\"type\":\"REFUND\"");
        try (var c = DriverManager.getConnection(DB_URL, DB_USER, "");
             var s = c.prepareStatement("SELECT count(*) FROM notification_outbox WHERE template = "
                     + "'PAYMENT_CREDITED_TO_WALLET' AND channel = 'EMAIL' AND dedupe_key LIKE ?")) {
            s.setString(1, "%" + payment.getString("reference") + "%");
            try (var rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void with_the_callback_lost_the_invoice_still_becomes_paid_from_the_transaction_detail_check() throws Exception {
        Api.Reply off = Api.send("PUT", "/sandbox/tripay/_control/config", "{\"dropCallbacks\":true}");
        assertThat(off.status()).as(off.body()).isLessThan(300);
        Placed p = placeOrder(Api.newCustomerToken("lost"), "web-lost");
        JsonObject payment = pay(p, "QRIS").getJsonObject("payment");
        assertThat(payment.getString("qrString")).isNotBlank();
        Api.post("/sandbox/tripay/_control/transactions/" + payment.getString("reference") + "/pay", "{}");

        JsonObject paid = awaitInvoice(p, "PAID", Duration.ofSeconds(15));
        assertThat(paid.getString("paymentReference")).isEqualTo(payment.getString("reference"));
        OrderJourneyIT.awaitStatus(p.token(), p.orderId(), "ACTIVE", Duration.ofSeconds(20));
        Api.Reply log = Api.get("/internal/billing/callbacks?reference=" + payment.getString("reference"),
                Api.apiKey());
        assertThat(log.body()).contains("RECONCILED_SETTLED_INVOICE");
    }

    @Test
    void with_the_callback_lost_the_customer_returning_from_checkout_sees_the_payment_at_once() {
        Api.Reply off = Api.send("PUT", "/sandbox/tripay/_control/config", "{\"dropCallbacks\":true}");
        assertThat(off.status()).as(off.body()).isLessThan(300);
        Placed p = placeOrder(Api.newCustomerToken("back"), "web-back");
        JsonObject payment = pay(p, "BRIVA").getJsonObject("payment");
        Api.post("/sandbox/tripay/_control/transactions/" + payment.getString("reference") + "/pay", "{}");

        // the sweep only looks at transactions older than PAYMENT_RECONCILE_AFTER_SECONDS (2 s on this server):
        // this immediate answer comes from the check the return from checkout triggers
        Api.Reply back = Api.get("/api/v1/billing/invoices/" + p.invoiceId() + "?refresh=true", Api.bearer(p.token()));
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().getString("status")).isEqualTo("PAID");
        assertThat(back.json().getString("paymentReference")).isEqualTo(payment.getString("reference"));
    }

    @Test
    void a_top_up_paid_through_tripay_lands_in_the_wallet_ledger() throws Exception {
        String token = Api.newCustomerToken("topup");
        Api.Reply deposit = Api.post("/api/v1/wallet/deposits", "{\"amount\":150000}", Api.bearer(token));
        assertThat(deposit.status()).as(deposit.body()).isEqualTo(201);
        assertThat(deposit.json().getString("purpose")).isEqualTo("DEPOSIT");
        Placed p = new Placed(token, null, deposit.json().getString("id"), 150_000);
        JsonObject payment = pay(p, "BCAVA").getJsonObject("payment");
        Api.post("/sandbox/tripay/_control/transactions/" + payment.getString("reference") + "/pay", "{}");
        awaitInvoice(p, "PAID", Duration.ofSeconds(10));
        assertThat(Api.get("/api/v1/wallet", Api.bearer(token)).json().getJsonNumber("balance").longValue())
                .isEqualTo(150_000);
        assertThat(Api.get("/api/v1/wallet/transactions", Api.bearer(token)).body()).contains("\"type\":\"DEPOSIT\"");

        Api.Reply tooSmall = Api.post("/api/v1/wallet/deposits", "{\"amount\":500}", Api.bearer(token));
        assertThat(tooSmall.status()).isEqualTo(400);
        Api.Reply walletForTopUp = Api.post("/api/v1/billing/invoices/" + p.invoiceId() + "/pay",
                "{\"method\":\"WALLET\"}", Api.bearer(token));
        assertThat(walletForTopUp.status()).isIn(400, 409);
    }

    @Test
    void another_customers_invoice_is_refused_and_an_unknown_channel_is_a_clear_error() {
        Placed p = placeOrder(Api.newCustomerToken("owner"), "web-owner");
        String stranger = Api.newCustomerToken("stranger");
        Api.Reply foreign = Api.get("/api/v1/billing/invoices/" + p.invoiceId(), Api.bearer(stranger));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.errorCode()).isEqualTo("INVOICE_ACCESS_DENIED");
        Api.Reply unknownChannel = Api.post("/api/v1/billing/invoices/" + p.invoiceId() + "/pay",
                "{\"method\":\"BITCOIN\"}", Api.bearer(p.token()));
        assertThat(unknownChannel.status()).isEqualTo(400);
        assertThat(unknownChannel.errorCode()).isEqualTo("INVALID_PAYMENT_METHOD");
        Api.Reply missing = Api.get("/api/v1/billing/invoices/00000000-0000-0000-0000-000000000000",
                Api.bearer(p.token()));
        assertThat(missing.status()).isEqualTo(404);
    }
}
