package id.webrana.cloud.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instance API on the running server, against the DigitalOcean simulator: actions reach the
 * provider and their progress shows; strangers cannot reach a server; the root password is shown
 * once; a reset password travels through the agent; operators suspend, unsuspend, retry and clean up.
 */
class InstancesIT {

    @BeforeAll
    static void cleanSimulator() {
        Api.post("/sandbox/digitalocean/_control/reset", "{}");
        Api.send("PUT", "/sandbox/digitalocean/_control/config", "{\"actionDelaySeconds\":1}");
    }

    record Server(String token, String orderId, String instanceId, String dropletId) {
    }

    /** A customer's order approved by an operator and provisioned: its ACTIVE server. */
    static Server activeServer(String prefix) throws Exception {
        String token = Api.newCustomerToken(prefix);
        String orderId = Api.placeMonthlyOrder(token, prefix + "-srv");
        Api.Reply approved = Api.post("/internal/orders/" + orderId + "/payment-status",
                "{\"decision\":\"APPROVE\",\"reason\":\"transfer seen\"}", Api.apiKey());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonObject order = OrderJourneyIT.awaitStatus(token, orderId, "ACTIVE", Duration.ofSeconds(30));
        JsonObject instance = order.getJsonObject("instance");
        return new Server(token, orderId, instance.getString("id"), instance.getString("providerServerId"));
    }

    static JsonObject server(Server s) {
        Api.Reply r = Api.get("/api/v1/instances/" + s.instanceId(), Api.bearer(s.token()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static Api.Reply act(Server s, String type) {
        return Api.post("/api/v1/instances/" + s.instanceId() + "/actions", "{\"type\":\"" + type + "\"}",
                Api.bearer(s.token()));
    }

    static JsonObject await(Server s, Predicate<JsonObject> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = server(s);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out waiting for " + what + "; last: " + last);
    }

    static String latestActionStatus(JsonObject server) {
        JsonArray actions = server.getJsonArray("actions");
        return actions.isEmpty() ? "NONE" : actions.getJsonObject(0).getString("status");
    }

    /** The droplet's actions as DigitalOcean (the simulator) recorded them. */
    static List<String> providerActionTypes(Server s) {
        Api.Reply actions = Api.get("/sandbox/digitalocean/v2/droplets/" + s.dropletId() + "/actions",
                "Authorization", "Bearer sandbox-token");
        assertThat(actions.status()).as(actions.body()).isEqualTo(200);
        return actions.json().getJsonArray("actions").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("type")).toList();
    }

    @Test
    void each_action_reaches_the_provider_and_its_progress_is_visible() throws Exception {
        Server s = activeServer("aksi");
        JsonObject before = server(s);
        assertThat(before.getString("status")).isEqualTo("ACTIVE");
        assertThat(before.getString("powerState")).isEqualTo("ACTIVE");
        assertThat(before.getJsonObject("specs").getInt("vcpu")).isPositive();
        assertThat(before.getJsonObject("capabilities").getString("console")).isEqualTo("NOT_OFFERED_BY_PROVIDER");
        assertThat(before.getJsonObject("renewal").getString("period")).isEqualTo("MONTHLY");

        for (String type : List.of("reboot", "power_off", "power_on", "power_cycle")) {
            Api.Reply started = act(s, type);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.json().getJsonObject("action").getString("status")).isEqualTo("IN_PROGRESS");
            if (type.equals("reboot")) {
                Api.Reply second = act(s, "power_off");
                assertThat(second.status()).as("one action at a time: " + second.body()).isEqualTo(409);
                assertThat(second.errorCode()).isEqualTo("ACTION_IN_PROGRESS");
            }
            await(s, j -> latestActionStatus(j).equals("COMPLETED"), type + " completed");
            if (type.equals("power_off")) {
                await(s, j -> j.getString("powerState").equals("OFF"), "the droplet off");
            }
        }
        assertThat(providerActionTypes(s)).contains("reboot", "power_off", "power_on", "power_cycle");
        JsonArray history = server(s).getJsonArray("history");
        assertThat(history.getValuesAs(JsonObject.class)).extracting(e -> e.getString("type"))
                .contains("ACTION_REQUESTED", "ACTION_COMPLETED", "CREATED");
    }

    @Test
    void another_customers_server_is_unreachable_and_bad_requests_are_refused_clearly() throws Exception {
        Server s = activeServer("milik");
        String stranger = Api.newCustomerToken("asing");

        Api.Reply peek = Api.get("/api/v1/instances/" + s.instanceId(), Api.bearer(stranger));
        assertThat(peek.status()).isEqualTo(404);
        assertThat(peek.errorCode()).isEqualTo("INSTANCE_NOT_FOUND");
        Api.Reply reboot = Api.post("/api/v1/instances/" + s.instanceId() + "/actions", "{\"type\":\"reboot\"}",
                Api.bearer(stranger));
        assertThat(reboot.status()).isEqualTo(404);
        assertThat((JsonArray) Api.get("/api/v1/instances", Api.bearer(stranger)).parse()).isEmpty();
        assertThat(Api.get("/api/v1/instances/not-a-uuid", Api.bearer(s.token())).status()).isEqualTo(404);
        assertThat(Api.get("/api/v1/instances/" + s.instanceId()).status()).isEqualTo(401);
        assertThat(Api.get("//internal/instances").status()).as("no way around the API key").isIn(401, 404);
        assertThat(Api.get("/internal/agent/../instances").status()).isIn(400, 401, 404);

        Api.Reply explode = act(s, "explode");
        assertThat(explode.status()).isEqualTo(400);
        assertThat(explode.errorCode()).isEqualTo("INVALID_ACTION");
        Api.Reply console = act(s, "console");
        assertThat(console.status()).isEqualTo(409);
        assertThat(console.errorCode()).isEqualTo("ACTION_NOT_SUPPORTED");
        assertThat(console.body()).contains("ssh root@");
        assertThat(providerActionTypes(s)).doesNotContain("reboot");
    }

    @Test
    void the_root_password_is_shown_once_and_a_reset_password_reaches_the_server_through_the_agent() throws Exception {
        Server s = activeServer("sandi");
        String userData = Api.get("/sandbox/digitalocean/_control/droplets/" + s.dropletId() + "/user-data").body();
        assertThat(userData).startsWith("#cloud-config").contains("type: hash", "webrana-agent.timer");

        Api.Reply first = Api.post("/api/v1/instances/" + s.instanceId() + "/root-password", null, Api.bearer(s.token()));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        String password = first.json().getString("password");
        assertThat(password).hasSize(20);
        assertThat(userData).doesNotContain(password);
        Api.Reply again = Api.post("/api/v1/instances/" + s.instanceId() + "/root-password", null, Api.bearer(s.token()));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.errorCode()).isEqualTo("PASSWORD_ALREADY_SHOWN");

        // the agent exactly as cloud-init installs it, its files in a temporary directory, chpasswd recorded
        Path agentDir = Files.createTempDirectory("webrana-agent");
        Path agent = installAgent(userData, agentDir);
        assertThat(runAgent(agent, agentDir)).as("first run: trades the user-data secret for its own").isZero();
        assertThat(agentDir.resolve("agent.header")).exists();
        assertThat(agentDir.resolve("chpasswd.out")).doesNotExist();

        Api.Reply reset = act(s, "reset_password");
        assertThat(reset.status()).as(reset.body()).isEqualTo(202);
        String newPassword = reset.json().getString("password");
        assertThat(newPassword).hasSize(20).isNotEqualTo(password);
        assertThat(latestActionStatus(server(s))).isEqualTo("IN_PROGRESS");

        assertThat(runAgent(agent, agentDir)).isZero();

        assertThat(Files.readString(agentDir.resolve("chpasswd.out"))).isEqualTo("root:" + newPassword + "\n");
        assertThat(latestActionStatus(server(s))).isEqualTo("COMPLETED");
        assertThat(providerActionTypes(s)).as("DigitalOcean's own reset mails the reseller").doesNotContain("password_reset");
        Matcher bootstrap = Pattern.compile("WEBRANA_AGENT_TOKEN='([^']+)'").matcher(userData);
        Matcher serverRef = Pattern.compile("WEBRANA_SERVER=(\\S+)").matcher(userData);
        assertThat(bootstrap.find() && serverRef.find()).isTrue();
        assertThat(Api.get("/internal/agent/" + serverRef.group(1) + "/password-reset", "X-Agent-Token",
                bootstrap.group(1)).status()).as("the user-data secret, readable by local users, is worthless now")
                .isEqualTo(404);
        assertThat(Api.post("/internal/agent/" + serverRef.group(1) + "/token", null, "X-Agent-Token",
                bootstrap.group(1)).status()).isEqualTo(404);
    }

    /** Writes the files of the user data's write_files into {@code dir}, with /etc/webrana/ moved there too. */
    static Path installAgent(String userData, Path dir) throws Exception {
        String path = null;
        StringBuilder content = null;
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        for (String line : userData.split("\n", -1)) {
            if (content != null && line.startsWith("      ")) {
                content.append(line.substring(6)).append('\n');
                continue;
            }
            if (content != null) {
                files.put(path, content.toString());
                content = null;
            }
            if (line.startsWith("  - path: ")) {
                path = line.substring("  - path: ".length()).trim();
            } else if (line.trim().equals("content: |")) {
                content = new StringBuilder();
            }
        }
        String prefix = dir.toAbsolutePath() + "/";
        Files.writeString(dir.resolve("agent.conf"), files.get("/etc/webrana/agent.conf"));
        Path script = dir.resolve("webrana-agent");
        Files.writeString(script, files.get("/usr/local/sbin/webrana-agent").replace("/etc/webrana/", prefix));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("chpasswd"), "#!/bin/sh\ncat > '" + prefix + "chpasswd.out'\n");
        bin.resolve("chpasswd").toFile().setExecutable(true);
        assertThat(files).containsKeys("/etc/systemd/system/webrana-agent.timer");
        return script;
    }

    static int runAgent(Path script, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true);
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        int exit = p.waitFor();
        if (exit != 0) {
            System.out.println("agent output: " + out);
        }
        return exit;
    }

    @Test
    void an_operator_suspends_and_unsuspends_and_the_droplet_follows() throws Exception {
        Server s = activeServer("tangguh");
        Api.Reply noReason = Api.post("/internal/instances/" + s.instanceId() + "/suspend", "{}", Api.apiKey());
        assertThat(noReason.status()).isEqualTo(400);

        Api.Reply suspended = Api.post("/internal/instances/" + s.instanceId() + "/suspend",
                "{\"reason\":\"abuse report #12\"}", Api.apiKey());
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().getString("status")).isEqualTo("SUSPENDED");
        assertThat(providerActionTypes(s)).contains("power_off");
        Api.Reply locked = act(s, "reboot");
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.errorCode()).isEqualTo("INSTANCE_SUSPENDED");
        await(s, j -> j.getString("powerState").equals("OFF"), "the droplet powered off");

        Api.Reply back = Api.post("/internal/instances/" + s.instanceId() + "/unsuspend",
                "{\"reason\":\"resolved with the customer\"}", Api.apiKey());
        assertThat(back.status()).as(back.body()).isEqualTo(200);
        assertThat(back.json().getJsonArray("history").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("type") + ":" + e.getString("actorType") + ":" + e.getString("detail", ""))
                .contains("SUSPENDED:API_KEY:abuse report #12", "UNSUSPENDED:API_KEY:resolved with the customer");
        await(s, j -> j.getString("powerState").equals("ACTIVE"), "the droplet powered on");
        assertThat(providerActionTypes(s)).contains("power_off", "power_on");
    }

    @Test
    void a_renewal_paid_from_the_wallet_extends_the_expiry_by_one_month_and_writes_one_ledger_entry() throws Exception {
        Server s = activeServer("perpanjang");
        Instant expiry = Instant.parse(server(s).getJsonObject("renewal").getString("expiresAt"));
        String userId = BillingIT.userIdOf(s.token());
        Api.Reply credit = Api.post("/internal/wallets/" + userId + "/adjustments",
                "{\"amount\":500000,\"reason\":\"test credit\"}", Api.apiKey());
        assertThat(credit.status()).as(credit.body()).isIn(200, 201);
        Api.Reply autoRenew = Api.send("PUT", "/api/v1/instances/" + s.instanceId() + "/auto-renew",
                "{\"enabled\":true}", Api.bearer(s.token()));
        assertThat(autoRenew.status()).as(autoRenew.body()).isEqualTo(200);

        Api.Reply renewal = Api.post("/api/v1/instances/" + s.instanceId() + "/renewal", null, Api.bearer(s.token()));
        assertThat(renewal.status()).as(renewal.body()).isEqualTo(201);
        String invoiceId = renewal.json().getString("id");
        long total = renewal.json().getJsonNumber("total").longValue();
        Api.Reply paid = Api.post("/api/v1/billing/invoices/" + invoiceId + "/pay", "{\"method\":\"WALLET\"}",
                Api.bearer(s.token()));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);

        Instant renewed = Instant.parse(server(s).getJsonObject("renewal").getString("expiresAt"));
        assertThat(renewed).isEqualTo(expiry.atOffset(java.time.ZoneOffset.UTC).plusMonths(1).toInstant());
        JsonArray ledger = Api.get("/api/v1/wallet/transactions", Api.bearer(s.token())).json().getJsonArray("items");
        assertThat(ledger.getValuesAs(JsonObject.class)).filteredOn(e -> e.getString("type").equals("RENEWAL"))
                .singleElement().satisfies(e -> assertThat(e.getJsonNumber("amount").longValue()).isEqualTo(-total));
    }

    /** An order whose droplet creation the provider refused: FAILED, with no droplet. */
    static String failedOrder(String prefix) throws Exception {
        String token = Api.newCustomerToken(prefix);
        Api.send("PUT", "/sandbox/digitalocean/_control/config", "{\"failCreateWithStatus\":422}");
        try {
            Api.Reply created = Api.post("/api/v1/orders", "{\"planId\":\"" + OrderJourneyIT.PLAN
                    + "\",\"imageId\":\"" + OrderJourneyIT.IMAGE + "\",\"period\":\"MONTHLY\",\"hostname\":\""
                    + prefix + "-srv\"}", Api.bearer(token));
            String orderId = created.json().getString("id");
            assertThat(Api.post("/internal/orders/" + orderId + "/payment-status",
                    "{\"decision\":\"APPROVE\",\"reason\":\"ok\"}", Api.apiKey()).status()).isEqualTo(200);
            OrderJourneyIT.awaitStatusAllowingFailure(token, orderId, "FAILED", Duration.ofSeconds(15));
            return orderId;
        } finally {
            Api.send("PUT", "/sandbox/digitalocean/_control/config", "{\"failCreateWithStatus\":0}");
        }
    }

    /** A droplet made straight at the provider with these tags (as a create whose answer was lost leaves one). */
    static String dropletTagged(String name, String... tags) {
        String tagList = String.join("\",\"", tags);
        Api.Reply created = Api.post("/sandbox/digitalocean/v2/droplets", "{\"name\":\"" + name
                + "\",\"region\":\"sgp1\",\"size\":\"s-1vcpu-1gb\",\"image\":\"ubuntu-24-04-x64\",\"tags\":[\""
                + tagList + "\"]}", "Authorization", "Bearer sandbox-token");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        return String.valueOf(created.json().getJsonObject("droplet").getJsonNumber("id").longValue());
    }

    static int dropletsTagged(String tag) {
        return Api.get("/sandbox/digitalocean/_control/droplets?tag_name=" + tag).json().getInt("total");
    }

    @Test
    void retrying_a_failed_order_adopts_the_droplet_it_left_and_becomes_active_with_exactly_one() throws Exception {
        String orderId = failedOrder("ulang");
        dropletTagged("ulang-srv", "webrana", "webrana-order-" + orderId);

        Api.Reply retried = Api.post("/internal/orders/" + orderId + "/retry-provisioning",
                "{\"reason\":\"provider fixed\"}", Api.apiKey());
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().getString("status")).isEqualTo("PROVISIONING");
        JsonObject active = awaitAdminStatus(orderId, "ACTIVE");

        assertThat(dropletsTagged("webrana-order-" + orderId)).isEqualTo(1);
        assertThat(active.getJsonArray("statusHistory").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("to") + ":" + c.getString("actorType"))
                .contains("FAILED:SYSTEM", "PROVISIONING:API_KEY", "ACTIVE:SYSTEM");
        Api.Reply again = Api.post("/internal/orders/" + orderId + "/retry-provisioning", "{}", Api.apiKey());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("ORDER_NOT_RETRYABLE");
    }

    @Test
    void cleanup_destroys_exactly_the_droplets_of_failed_orders() throws Exception {
        Server active = activeServer("tetap");
        String failed = failedOrder("sisa");
        String leftover = dropletTagged("sisa-srv", "webrana", "webrana-order-" + failed);
        String unknown = dropletTagged("lain-srv", "webrana");

        Api.Reply cleanup = Api.post("/internal/provisioning/cleanup", null, Api.apiKey());

        assertThat(cleanup.status()).as(cleanup.body()).isEqualTo(200);
        assertThat(cleanup.json().getJsonArray("destroyed").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).singleElement().asString().startsWith(leftover);
        assertThat(dropletsTagged("webrana-order-" + failed)).isZero();
        assertThat(dropletsTagged("webrana-order-" + active.orderId())).isEqualTo(1);
        assertThat(Api.get("/sandbox/digitalocean/_control/droplets?tag_name=webrana").json()
                .getJsonArray("droplets").getValuesAs(JsonObject.class))
                .extracting(d -> String.valueOf(d.getJsonNumber("id").longValue())).contains(unknown);
        JsonObject order = Api.get("/internal/orders/" + failed, Api.apiKey()).json();
        assertThat(order.getJsonArray("statusHistory").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("reason", ""))
                .anyMatch(r -> r.contains("cleanup destroyed server " + leftover));
    }

    static JsonObject awaitAdminStatus(String orderId, String status) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            last = Api.get("/internal/orders/" + orderId, Api.apiKey()).json();
            if (last.getString("status").equals(status)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("order " + orderId + " did not become " + status + ": " + last);
    }
}
