package id.webrana.cloud.sandbox.digitalocean.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.webrana.cloud.sandbox.digitalocean.Catalog;
import id.webrana.cloud.sandbox.digitalocean.DigitalOceanSandbox;
import id.webrana.cloud.sandbox.digitalocean.SandboxSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer;
import org.glassfish.jersey.jsonp.JsonProcessingFeature;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The JAX-RS layer over real HTTP, in-process: Jersey on the JDK's HTTP server on 127.0.0.1 stands in for
 * Liberty's RESTEasy, with the same resources, filter and mapper the war deploys.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SandboxHttpTest {

    private static final String TOKEN = "Bearer sandbox-token";
    /** Jersey warns that CDI-scoped resource instances "do not implement any provider interfaces"; harmless. */
    private static final Logger JERSEY_PROVIDERS_LOG = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");
    private static final AtomicReference<String> REAL_TOKEN = new AtomicReference<>();
    private static DigitalOceanSandbox sandbox;
    private static HttpServer server;
    private static ExecutorService executor;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServer() throws Exception {
        sandbox = new DigitalOceanSandbox(Clock.systemUTC(), Catalog.builtIn(), SandboxSettings.defaults(),
                new Random(7), () -> Optional.ofNullable(REAL_TOKEN.get()));
        SandboxService service = new SandboxService(sandbox);
        JERSEY_PROVIDERS_LOG.setLevel(Level.SEVERE);
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(JsonProcessingFeature.class)
                .register(new DropletsResource(service))
                .register(new ActionsResource(service))
                .register(new CatalogResource(service))
                .register(new ControlResource(service))
                .register(new DigitalOceanGate(service))
                .register(DigitalOceanExceptionMapper.class)
                .register(WebApplicationExceptionMapper.class);
        JdkHttpHandlerContainer container = ContainerFactory.createContainer(JdkHttpHandlerContainer.class, config);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/sandbox", container);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/sandbox/digitalocean";
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    @BeforeEach
    void freshSandbox() {
        REAL_TOKEN.set(null);
        sandbox.reset();
        sandbox.applySettings(SandboxSettings.defaults());
    }

    private static HttpResponse<String> send(String method, String path, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> api(String method, String path, String body) throws Exception {
        return send(method, path, body, TOKEN);
    }

    private static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static long createDroplet(String name, String tag) throws Exception {
        HttpResponse<String> created = api("POST", "/v2/droplets", """
                {"name":"%s","region":"sgp1","size":"s-1vcpu-1gb","image":"ubuntu-24-04-x64","tags":["%s"]}"""
                .formatted(name, tag));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        return json(created).getJsonObject("droplet").getJsonNumber("id").longValue();
    }

    private static void configure(String body) throws Exception {
        HttpResponse<String> response = send("PUT", "/_control/config", body, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void assertError(HttpResponse<String> response, int status, String id) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(json(response).getString("id")).isEqualTo(id);
        assertThat(json(response).getString("message")).isNotBlank();
    }

    @Nested
    class Droplet_lifecycle {

        @Test
        void create_answers_202_with_a_new_droplet_and_a_create_action_link_that_resolves() throws Exception {
            HttpResponse<String> created = api("POST", "/v2/droplets",
                    "{\"name\":\"web-01\",\"size\":\"s-1vcpu-1gb\",\"image\":\"ubuntu-24-04-x64\",\"region\":\"sgp1\"}");

            assertThat(created.statusCode()).isEqualTo(202);
            JsonObject body = json(created);
            assertThat(body.getJsonObject("droplet").getString("status")).isEqualTo("new");
            assertThat(body.getJsonObject("droplet").getJsonObject("networks").getJsonArray("v4")).isEmpty();
            JsonObject link = body.getJsonObject("links").getJsonArray("actions").getJsonObject(0);
            assertThat(link.getString("rel")).isEqualTo("create");
            assertThat(link.getString("href")).isEqualTo(base + "/v2/actions/" + link.getJsonNumber("id").longValue());

            HttpResponse<String> action = api("GET", link.getString("href"), null);
            assertThat(action.statusCode()).isEqualTo(200);
            assertThat(json(action).getJsonObject("action").getString("type")).isEqualTo("create");
            assertThat(json(action).getJsonObject("action").getString("status")).isEqualTo("in-progress");
        }

        @Test
        void a_droplet_becomes_active_with_a_public_ipv4_once_the_clock_passes_the_boot_delay() throws Exception {
            long id = createDroplet("web-01", "t");

            assertThat(json(api("GET", "/v2/droplets/" + id, null)).getJsonObject("droplet").getString("status"))
                    .isEqualTo("new");
            HttpResponse<String> advanced = send("POST", "/_control/clock/advance", "{\"seconds\":30}", null);
            assertThat(advanced.statusCode()).isEqualTo(200);
            assertThat(json(advanced).getInt("offsetSeconds")).isEqualTo(30);

            JsonObject droplet = json(api("GET", "/v2/droplets/" + id, null)).getJsonObject("droplet");
            assertThat(droplet.getString("status")).isEqualTo("active");
            assertThat(droplet.getJsonObject("networks").getJsonArray("v4").getValuesAs(JsonObject.class))
                    .anySatisfy(n -> {
                        assertThat(n.getString("type")).isEqualTo("public");
                        assertThat(n.getString("ip_address")).startsWith("203.0.113.");
                    });
        }

        @Test
        void a_power_off_action_answers_201_and_turns_the_droplet_off_after_the_action_delay() throws Exception {
            configure("{\"bootDelaySeconds\":0,\"actionDelaySeconds\":0}");
            long id = createDroplet("web-01", "t");

            HttpResponse<String> started = api("POST", "/v2/droplets/" + id + "/actions", "{\"type\":\"power_off\"}");

            assertThat(started.statusCode()).isEqualTo(201);
            JsonObject action = json(started).getJsonObject("action");
            assertThat(action.getString("status")).isEqualTo("in-progress");
            assertThat(action.getString("resource_type")).isEqualTo("droplet");
            assertThat(json(api("GET", "/v2/droplets/" + id, null)).getJsonObject("droplet").getString("status"))
                    .isEqualTo("off");
            assertThat(json(api("GET", "/v2/actions/" + action.getJsonNumber("id").longValue(), null))
                    .getJsonObject("action").getString("status")).isEqualTo("completed");
            assertThat(json(api("GET", "/v2/droplets/" + id + "/actions", null)).getJsonObject("meta")
                    .getInt("total")).isEqualTo(2);
        }

        @Test
        void an_unknown_action_type_answers_422() throws Exception {
            configure("{\"bootDelaySeconds\":0}");
            long id = createDroplet("web-01", "t");

            assertError(api("POST", "/v2/droplets/" + id + "/actions", "{\"type\":\"explode\"}"), 422,
                    "unprocessable_entity");
        }

        @Test
        void a_named_snapshot_answers_201_and_once_completed_its_id_is_in_the_droplets_snapshot_ids()
                throws Exception {
            configure("{\"bootDelaySeconds\":0}");
            long id = createDroplet("web-01", "t");

            HttpResponse<String> started = api("POST", "/v2/droplets/" + id + "/actions",
                    "{\"type\":\"snapshot\",\"name\":\"web-01 nightly\"}");

            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            JsonObject action = json(started).getJsonObject("action");
            assertThat(action.getString("type")).isEqualTo("snapshot");
            assertThat(action.getString("status")).isEqualTo("in-progress");
            assertThat(json(api("GET", "/v2/droplets/" + id, null)).getJsonObject("droplet")
                    .getJsonArray("snapshot_ids")).isEmpty();
            send("POST", "/_control/clock/advance", "{\"seconds\":5}", null);
            assertThat(json(api("GET", "/v2/droplets/" + id, null)).getJsonObject("droplet")
                    .getJsonArray("snapshot_ids")).hasSize(1);
        }

        @Test
        void a_snapshot_without_a_name_answers_422() throws Exception {
            configure("{\"bootDelaySeconds\":0}");
            long id = createDroplet("web-01", "t");

            assertError(api("POST", "/v2/droplets/" + id + "/actions", "{\"type\":\"snapshot\"}"), 422,
                    "unprocessable_entity");
        }

        @Test
        void an_action_asked_while_another_runs_answers_422_pending_event() throws Exception {
            configure("{\"bootDelaySeconds\":0}");
            long id = createDroplet("web-01", "t");
            assertThat(api("POST", "/v2/droplets/" + id + "/actions", "{\"type\":\"reboot\"}").statusCode())
                    .isEqualTo(201);

            HttpResponse<String> refused = api("POST", "/v2/droplets/" + id + "/actions", "{\"type\":\"power_off\"}");

            assertError(refused, 422, "unprocessable_entity");
            assertThat(json(refused).getString("message")).isEqualTo("Droplet already has a pending event.");
        }

        @Test
        void an_action_is_followed_under_its_droplet_and_not_under_another_one() throws Exception {
            configure("{\"bootDelaySeconds\":0}");
            long id = createDroplet("web-01", "t");
            long other = createDroplet("web-02", "t");
            long actionId = json(api("POST", "/v2/droplets/" + id + "/actions", "{\"type\":\"power_cycle\"}"))
                    .getJsonObject("action").getJsonNumber("id").longValue();

            HttpResponse<String> running = api("GET", "/v2/droplets/" + id + "/actions/" + actionId, null);
            assertThat(running.statusCode()).isEqualTo(200);
            assertThat(json(running).getJsonObject("action").getString("status")).isEqualTo("in-progress");
            assertThat(json(running).getJsonObject("action").getString("type")).isEqualTo("power_cycle");
            send("POST", "/_control/clock/advance", "{\"seconds\":5}", null);
            JsonObject done = json(api("GET", "/v2/droplets/" + id + "/actions/" + actionId, null))
                    .getJsonObject("action");
            assertThat(done.getString("status")).isEqualTo("completed");
            assertThat(done.getString("completed_at")).isNotBlank();

            assertError(api("GET", "/v2/droplets/" + other + "/actions/" + actionId, null), 404, "not_found");
        }

        @Test
        void delete_answers_204_and_then_the_droplet_is_not_found() throws Exception {
            long id = createDroplet("web-01", "t");

            HttpResponse<String> deleted = api("DELETE", "/v2/droplets/" + id, null);

            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(deleted.headers().firstValue("ratelimit-remaining")).isPresent();
            assertError(api("GET", "/v2/droplets/" + id, null), 404, "not_found");
            assertError(api("DELETE", "/v2/droplets/" + id, null), 404, "not_found");
        }

        @Test
        void listing_by_tag_pages_with_links_and_a_total() throws Exception {
            createDroplet("a1", "customer-1");
            createDroplet("a2", "customer-2");
            createDroplet("a3", "customer-1");

            JsonObject page = json(api("GET", "/v2/droplets?tag_name=customer-1&page=1&per_page=1", null));

            assertThat(page.getJsonArray("droplets")).hasSize(1);
            assertThat(page.getJsonObject("meta").getInt("total")).isEqualTo(2);
            assertThat(page.getJsonObject("links").getJsonObject("pages").getString("next"))
                    .isEqualTo(base + "/v2/droplets?tag_name=customer-1&page=2&per_page=1");
            JsonObject dump = json(send("GET", "/_control/droplets", null, null));
            assertThat(dump.getJsonObject("countsByTag").getInt("customer-1")).isEqualTo(2);
        }

        @Test
        void an_invalid_name_or_slug_answers_422_and_a_malformed_body_400() throws Exception {
            assertError(api("POST", "/v2/droplets",
                    "{\"name\":\"bad name!\",\"size\":\"s-1vcpu-1gb\",\"image\":\"debian-12-x64\"}"), 422,
                    "unprocessable_entity");
            assertError(api("POST", "/v2/droplets",
                    "{\"name\":\"ok\",\"size\":\"s-99\",\"image\":\"debian-12-x64\"}"), 422, "unprocessable_entity");
            assertError(api("POST", "/v2/droplets", "{\"name\":"), 400, "bad_request");
        }

        @Test
        void a_method_the_path_does_not_support_answers_405_in_the_api_format() throws Exception {
            HttpResponse<String> response = api("PUT", "/v2/droplets/1", "{}");

            assertError(response, 405, "method_not_allowed");
            assertThat(response.headers().firstValue("allow")).isPresent();
        }

        @Test
        void a_non_numeric_id_and_an_unknown_path_answer_404_in_the_api_format() throws Exception {
            assertError(api("GET", "/v2/droplets/abc", null), 404, "not_found");
            HttpResponse<String> unknown = api("GET", "/v2/volumes", null);
            assertError(unknown, 404, "not_found");
            assertThat(unknown.headers().firstValue("ratelimit-limit")).hasValue("5000");
        }
    }

    @Nested
    class Catalog_endpoints {

        @Test
        void sizes_images_regions_and_account_answer_in_the_spec_shapes() throws Exception {
            JsonObject sizes = json(api("GET", "/v2/sizes", null));
            assertThat(sizes.getJsonArray("sizes").getValuesAs(JsonObject.class))
                    .extracting(s -> s.getString("slug")).contains("s-1vcpu-512mb-10gb", "s-8vcpu-16gb");
            assertThat(sizes.getJsonObject("meta").getInt("total")).isEqualTo(7);

            JsonObject images = json(api("GET", "/v2/images?type=distribution", null));
            assertThat(images.getJsonArray("images").getValuesAs(JsonObject.class))
                    .extracting(i -> i.getString("slug")).containsExactly("ubuntu-24-04-x64", "ubuntu-22-04-x64",
                            "debian-12-x64", "rockylinux-9-x64");
            assertThat(json(api("GET", "/v2/images?type=application", null)).getJsonArray("images")).isEmpty();
            assertError(api("GET", "/v2/images?type=bogus", null), 422, "unprocessable_entity");

            JsonObject regions = json(api("GET", "/v2/regions", null));
            assertThat(regions.getJsonArray("regions").getValuesAs(JsonObject.class))
                    .extracting(r -> r.getString("slug")).containsExactly("sgp1", "nyc3", "ams3", "fra1", "blr1", "syd1");

            JsonObject account = json(api("GET", "/v2/account", null)).getJsonObject("account");
            assertThat(account.keySet()).contains("droplet_limit", "floating_ip_limit", "email", "uuid",
                    "email_verified", "status", "status_message");
        }
    }

    @Nested
    class Headers_and_authentication {

        @Test
        void a_request_without_a_bearer_token_answers_401_with_the_rate_limit_headers() throws Exception {
            HttpResponse<String> response = send("GET", "/v2/droplets", null, null);

            assertError(response, 401, "unauthorized");
            assertThat(json(response).getString("message")).isEqualTo("Unable to authenticate you.");
            assertThat(response.headers().firstValue("ratelimit-limit")).isPresent();
            assertError(send("GET", "/v2/droplets", null, "Basic dXNlcjpwYXNz"), 401, "unauthorized");
        }

        @Test
        void every_api_answer_carries_the_three_rate_limit_headers() throws Exception {
            HttpResponse<String> first = api("GET", "/v2/account", null);
            HttpResponse<String> second = api("GET", "/v2/account", null);

            assertThat(first.headers().firstValue("ratelimit-limit")).hasValue("5000");
            assertThat(first.headers().firstValue("ratelimit-reset")).hasValueSatisfying(
                    v -> assertThat(Long.parseLong(v)).isGreaterThan(System.currentTimeMillis() / 1000));
            assertThat(Integer.parseInt(second.headers().firstValue("ratelimit-remaining").orElseThrow()))
                    .isEqualTo(Integer.parseInt(first.headers().firstValue("ratelimit-remaining").orElseThrow()) - 1);
        }
    }

    @Nested
    class Fault_injection {

        @Test
        void a_rate_limit_burst_gives_429s_with_retry_after_then_normal_answers() throws Exception {
            configure("{\"rateLimitBurst\":2}");

            for (int i = 0; i < 2; i++) {
                HttpResponse<String> limited = api("GET", "/v2/droplets", null);
                assertError(limited, 429, "too_many_requests");
                assertThat(limited.headers().firstValue("retry-after")).hasValue("1");
                assertThat(limited.headers().firstValue("ratelimit-remaining")).hasValue("0");
                assertThat(limited.headers().firstValue("ratelimit-reset")).isPresent();
            }
            assertThat(api("GET", "/v2/droplets", null).statusCode()).isEqualTo(200);
        }

        @Test
        void an_error_rate_of_one_fails_every_api_call_but_not_the_control_api() throws Exception {
            configure("{\"errorRate\":1.0}");

            assertError(api("GET", "/v2/sizes", null), 500, "server_error");
            assertThat(send("GET", "/_control/config", null, null).statusCode()).isEqualTo(200);
        }

        @Test
        void fail_create_with_status_makes_creation_fail_and_leaves_reads_alone() throws Exception {
            configure("{\"failCreateWithStatus\":422}");

            assertError(api("POST", "/v2/droplets",
                    "{\"name\":\"web\",\"size\":\"s-1vcpu-1gb\",\"image\":\"debian-12-x64\"}"), 422,
                    "unprocessable_entity");
            assertThat(api("GET", "/v2/droplets", null).statusCode()).isEqualTo(200);
            assertThat(json(send("GET", "/_control/droplets", null, null)).getInt("total")).isZero();
        }

        @Test
        void latency_is_added_to_every_api_answer() throws Exception {
            configure("{\"latencyMillis\":300}");

            long start = System.nanoTime();
            api("GET", "/v2/regions", null);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Nested
    class Control_api {

        @Test
        void config_reads_back_what_was_put_and_rejects_unknown_fields() throws Exception {
            HttpResponse<String> put = send("PUT", "/_control/config",
                    "{\"bootDelaySeconds\":2,\"actionDelaySeconds\":1,\"errorRate\":0.1,\"rateLimitBurst\":0,"
                            + "\"latencyMillis\":0,\"failCreateWithStatus\":null}", null);
            assertThat(put.statusCode()).isEqualTo(200);

            JsonObject config = json(send("GET", "/_control/config", null, null));
            assertThat(config.getInt("bootDelaySeconds")).isEqualTo(2);
            assertThat(config.getInt("actionDelaySeconds")).isEqualTo(1);
            assertThat(config.getJsonNumber("errorRate").doubleValue()).isEqualTo(0.1);
            assertError(send("PUT", "/_control/config", "{\"bootDelay\":1}", null), 400, "bad_request");
        }

        @Test
        void reset_drops_all_droplets() throws Exception {
            createDroplet("a1", "t");

            assertThat(send("POST", "/_control/reset", null, null).statusCode()).isEqualTo(204);

            assertThat(json(send("GET", "/_control/droplets", null, null)).getInt("total")).isZero();
        }

        @Test
        void with_a_real_token_configured_every_simulator_path_answers_404() throws Exception {
            REAL_TOKEN.set("dop_v1_real");

            assertThat(api("GET", "/v2/sizes", null).statusCode()).isEqualTo(404);
            assertThat(api("POST", "/v2/droplets", "{}").statusCode()).isEqualTo(404);
            assertThat(send("GET", "/_control/config", null, null).statusCode()).isEqualTo(404);
            assertThat(send("POST", "/_control/reset", null, null).statusCode()).isEqualTo(404);
        }
    }
}
