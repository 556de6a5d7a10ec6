package id.webrana.cloud.adapter.out.digitalocean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static id.webrana.cloud.adapter.out.digitalocean.DropletJson.PRIVATE_V4;
import static id.webrana.cloud.adapter.out.digitalocean.DropletJson.createResponse;
import static id.webrana.cloud.adapter.out.digitalocean.DropletJson.droplet;
import static id.webrana.cloud.adapter.out.digitalocean.DropletJson.envelope;
import static id.webrana.cloud.adapter.out.digitalocean.DropletJson.publicV4;
import static id.webrana.cloud.adapter.out.digitalocean.DropletJson.publicV6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Image;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Region;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Size;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.ProviderAction;
import id.webrana.cloud.application.port.out.ServerAction;
import id.webrana.cloud.application.port.out.ServerStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DigitalOceanClient} against WireMock: request shape, mapping, and failure classification. */
class DigitalOceanClientWireMockTest {

    private static final String TOKEN = "dop_v1_test-token";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String SSH_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBrRquYf1ZsRUxAewTAgU9CbWYe+kZ0pYyOxBzBRRXoX ops@webrana.id";
    private static final String SSH_KEY_FINGERPRINT = "ee:fc:42:59:ae:52:2b:b6:61:57:1d:61:13:d6:4b:1b";
    private static final String JSON = "application/json; charset=utf-8";

    private static WireMockServer wireMock;

    private final List<DigitalOceanClient> clients = new ArrayList<>();
    private DigitalOceanClient client;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void setUp() {
        wireMock.resetAll();
        client = client(wireMock.baseUrl(), Duration.ofSeconds(5));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(DigitalOceanClient::close);
    }

    private DigitalOceanClient client(String baseUrl, Duration readTimeout) {
        DigitalOceanSettings settings = DigitalOceanSettings.of(baseUrl, TOKEN)
                .withTimeouts(Duration.ofSeconds(2), readTimeout);
        DigitalOceanClient created = new DigitalOceanClient(DigitalOceanClient.restClient(settings),
                Clock.fixed(NOW, ZoneOffset.UTC));
        clients.add(created);
        return created;
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON)
                .withHeader("ratelimit-limit", "5000").withHeader("ratelimit-remaining", "4999")
                .withHeader("ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 3600)).withBody(body);
    }

    private static CreateServerRequest createRequest(List<String> sshKeys) {
        return new CreateServerRequest("vps-42.webrana.id", "sgp1", "s-1vcpu-1gb", "ubuntu-24-04-x64",
                List.of("webrana", "order-42"), "#cloud-config\npackage_update: true\n", sshKeys);
    }

    private void stubKnownSshKey() {
        wireMock.stubFor(get(urlEqualTo("/v2/account/keys/" + SSH_KEY_FINGERPRINT)).willReturn(json(200,
                "{\"ssh_key\":{\"id\":512190,\"fingerprint\":\"" + SSH_KEY_FINGERPRINT + "\",\"public_key\":\""
                        + SSH_KEY + "\",\"name\":\"ops\"}}")));
    }

    private CloudProviderException failureOf(Runnable call) {
        return catchThrowableOfType(CloudProviderException.class, call::run);
    }

    // ------------------------------------------------------------------ create

    @Test
    void creating_a_droplet_sends_the_documented_body_with_the_bearer_token_and_maps_the_new_droplet() {
        stubKnownSshKey();
        wireMock.stubFor(post(urlEqualTo("/v2/droplets")).willReturn(json(202,
                createResponse(droplet(3164444, "vps-42.webrana.id", "new", "", "", "webrana", "order-42"), 7515))));

        CloudServer server = client.createServer(createRequest(List.of(SSH_KEY)));

        assertThat(server.providerServerId()).isEqualTo("3164444");
        assertThat(server.name()).isEqualTo("vps-42.webrana.id");
        assertThat(server.status()).isEqualTo(ServerStatus.NEW);
        assertThat(server.region()).isEqualTo("sgp1");
        assertThat(server.sizeSlug()).isEqualTo("s-1vcpu-1gb");
        assertThat(server.imageSlug()).isEqualTo("ubuntu-24-04-x64");
        assertThat(server.publicIpv4()).isNull();
        assertThat(server.isReady()).isFalse();
        assertThat(server.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
        assertThat(server.tags()).containsExactly("webrana", "order-42");

        wireMock.verify(1, postRequestedFor(urlEqualTo("/v2/droplets"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"name":"vps-42.webrana.id","region":"sgp1","size":"s-1vcpu-1gb","image":"ubuntu-24-04-x64",
                         "tags":["webrana","order-42"],"user_data":"#cloud-config\\npackage_update: true\\n",
                         "ssh_keys":["%s"]}
                        """.formatted(SSH_KEY_FINGERPRINT))));
        wireMock.verify(getRequestedFor(urlEqualTo("/v2/account/keys/" + SSH_KEY_FINGERPRINT))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void an_ssh_key_missing_from_the_account_is_registered_before_the_droplet_is_created() {
        wireMock.stubFor(get(urlEqualTo("/v2/account/keys/" + SSH_KEY_FINGERPRINT)).willReturn(json(404,
                "{\"id\":\"not_found\",\"message\":\"The resource you requested could not be found.\"}")));
        wireMock.stubFor(post(urlEqualTo("/v2/account/keys")).willReturn(json(201,
                "{\"ssh_key\":{\"id\":512191,\"fingerprint\":\"" + SSH_KEY_FINGERPRINT + "\",\"public_key\":\""
                        + SSH_KEY + "\",\"name\":\"webrana-eefc4259ae522bb6\"}}")));
        wireMock.stubFor(post(urlEqualTo("/v2/droplets")).willReturn(json(202,
                createResponse(droplet(3164444, "vps-42.webrana.id", "new", "", ""), 7515))));

        client.createServer(createRequest(List.of(SSH_KEY)));

        wireMock.verify(postRequestedFor(urlEqualTo("/v2/account/keys")).withRequestBody(equalToJson(
                "{\"name\":\"webrana-eefc4259ae522bb6\",\"public_key\":\"" + SSH_KEY + "\"}")));
        wireMock.verify(postRequestedFor(urlEqualTo("/v2/droplets")).withRequestBody(equalToJson(
                "{\"ssh_keys\":[\"" + SSH_KEY_FINGERPRINT + "\"]}", true, true)));
    }

    @Test
    void without_an_ssh_key_endpoint_the_fingerprint_is_still_sent_and_digitalocean_decides() {
        // e.g. a simulator that does not serve /v2/account/keys: both calls answer 404
        wireMock.stubFor(get(urlPathEqualTo("/v2/account/keys/" + SSH_KEY_FINGERPRINT)).willReturn(aResponse()
                .withStatus(404)));
        wireMock.stubFor(post(urlEqualTo("/v2/account/keys")).willReturn(aResponse().withStatus(404)));
        wireMock.stubFor(post(urlEqualTo("/v2/droplets")).willReturn(json(202,
                createResponse(droplet(3164444, "vps-42.webrana.id", "new", "", ""), 7515))));

        CloudServer server = client.createServer(createRequest(List.of(SSH_KEY)));

        assertThat(server.providerServerId()).isEqualTo("3164444");
        wireMock.verify(postRequestedFor(urlEqualTo("/v2/droplets")).withRequestBody(equalToJson(
                "{\"ssh_keys\":[\"" + SSH_KEY_FINGERPRINT + "\"]}", true, true)));
    }

    @Test
    void a_transient_failure_while_checking_an_ssh_key_aborts_the_create_before_any_droplet_is_requested() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/account/keys/" + SSH_KEY_FINGERPRINT)).willReturn(json(503,
                "{\"id\":\"service_unavailable\",\"message\":\"try later\"}")));

        CloudProviderException failure = failureOf(() -> client.createServer(createRequest(List.of(SSH_KEY))));

        assertThat(failure.isTransient()).isTrue();
        wireMock.verify(0, postRequestedFor(urlEqualTo("/v2/droplets")));
    }

    @Test
    void ssh_key_ids_and_fingerprints_are_passed_through_without_a_lookup() {
        wireMock.stubFor(post(urlEqualTo("/v2/droplets")).willReturn(json(202,
                createResponse(droplet(3164444, "vps-42.webrana.id", "new", "", ""), 7515))));

        client.createServer(createRequest(List.of("289794", "3B:16:E4:BF:8B:00:8B:B8:59:8C:A9:D3:F0:19:FA:45")));

        wireMock.verify(postRequestedFor(urlEqualTo("/v2/droplets")).withRequestBody(equalToJson(
                "{\"ssh_keys\":[289794,\"3b:16:e4:bf:8b:00:8b:b8:59:8c:a9:d3:f0:19:fa:45\"]}", true, true)));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/v2/account/keys")));
    }

    @Test
    void a_create_without_ssh_keys_or_user_data_leaves_those_fields_out() {
        wireMock.stubFor(post(urlEqualTo("/v2/droplets")).willReturn(json(202,
                createResponse(droplet(3164444, "vps-42.webrana.id", "new", "", ""), 7515))));

        client.createServer(new CreateServerRequest("vps-42", "sgp1", "s-1vcpu-1gb", "ubuntu-24-04-x64",
                List.of("order-42"), null, List.of()));

        wireMock.verify(postRequestedFor(urlEqualTo("/v2/droplets")).withRequestBody(equalToJson(
                "{\"name\":\"vps-42\",\"region\":\"sgp1\",\"size\":\"s-1vcpu-1gb\",\"image\":\"ubuntu-24-04-x64\","
                        + "\"tags\":[\"order-42\"]}")));
    }

    @Test
    void a_numeric_image_is_sent_as_an_image_id_not_a_slug() {
        wireMock.stubFor(post(urlEqualTo("/v2/droplets")).willReturn(json(202,
                createResponse(droplet(3164444, "vps-42", "new", "", ""), 7515))));

        client.createServer(new CreateServerRequest("vps-42", "sgp1", "s-1vcpu-1gb", "7555620", List.of(), null,
                List.of()));

        wireMock.verify(postRequestedFor(urlEqualTo("/v2/droplets"))
                .withRequestBody(equalToJson("{\"image\":7555620}", true, true)));
    }

    @Test
    void a_malformed_ssh_key_is_refused_as_permanent_before_anything_is_sent() {
        CloudProviderException failure = failureOf(() -> client.createServer(createRequest(List.of("not a key"))));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure).isInstanceOf(DigitalOceanPermanentException.class).hasMessageContaining("SSH key");
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void rate_limited_create_is_transient_and_says_how_long_to_wait() {
        wireMock.stubFor(post(urlEqualTo("/v2/droplets")).willReturn(json(429,
                "{\"id\":\"too_many_requests\",\"message\":\"API rate limit exceeded.\"}")
                .withHeader("retry-after", "30")));

        CloudProviderException failure = failureOf(() -> client.createServer(createRequest(List.of())));

        assertThat(failure).isInstanceOf(DigitalOceanRateLimitedException.class)
                .hasMessageContaining("API rate limit exceeded.");
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.httpStatus()).isEqualTo(429);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v2/droplets")));
    }

    @Test
    void rate_limit_without_retry_after_waits_until_ratelimit_reset() {
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/7")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", JSON)
                .withHeader("ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 42))
                .withBody("{\"id\":\"too_many_requests\",\"message\":\"API rate limit exceeded.\"}")));

        CloudProviderException failure = failureOf(() -> client.findServer("7"));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(42));
    }

    @Test
    void a_retry_after_given_as_an_http_date_is_turned_into_a_wait() {
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/7")).willReturn(aResponse().withStatus(429)
                .withHeader("retry-after", "Sun, 01 Mar 2026 12:02:00 GMT")));

        assertThat(failureOf(() -> client.findServer("7")).retryAfter()).contains(Duration.ofMinutes(2));
    }

    @Test
    void a_ratelimit_reset_already_past_still_asks_to_wait_at_least_one_second() {
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/7")).willReturn(aResponse().withStatus(429)
                .withHeader("ratelimit-reset", "1444931833")));

        CloudProviderException failure = failureOf(() -> client.findServer("7"));

        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 504})
    void server_errors_are_transient(int status) {
        wireMock.stubFor(post(urlEqualTo("/v2/droplets")).willReturn(json(status,
                "{\"id\":\"server_error\",\"message\":\"Unexpected server-side error\"}")));

        CloudProviderException failure = failureOf(() -> client.createServer(createRequest(List.of())));

        assertThat(failure).isInstanceOf(DigitalOceanTransientException.class)
                .hasMessageContaining("HTTP " + status).hasMessageContaining("Unexpected server-side error");
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.retryAfter()).isEmpty();
    }

    @Test
    void an_html_error_page_is_classified_by_its_status_and_quoted() {
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/7")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad Gateway</body></html>")));

        CloudProviderException failure = failureOf(() -> client.findServer("7"));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure).hasMessageContaining("Bad Gateway");
    }

    @Test
    void a_response_slower_than_the_read_timeout_is_transient() {
        DigitalOceanClient impatient = client(wireMock.baseUrl(), Duration.ofMillis(300));
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/7")).willReturn(json(200,
                envelope(droplet(7, "slow", "active", "", ""))).withFixedDelay(2_000)));

        long started = System.nanoTime();
        CloudProviderException failure = failureOf(() -> impatient.findServer("7"));

        assertThat(failure).isInstanceOf(DigitalOceanTransientException.class).hasMessageContaining("timed out");
        assertThat(failure.httpStatus()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_900));
    }

    @Test
    void a_refused_connection_is_transient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DigitalOceanClient unreachable = client("http://127.0.0.1:" + closedPort, Duration.ofSeconds(2));

        CloudProviderException failure = failureOf(() -> unreachable.findServersByTag("order-42"));

        assertThat(failure).isInstanceOf(DigitalOceanTransientException.class);
        assertThat(failure.httpStatus()).isZero();
    }

    @Test
    void a_malformed_json_body_is_transient_not_a_crash() {
        wireMock.stubFor(post(urlEqualTo("/v2/droplets")).willReturn(json(202, "{\"droplet\": {\"id\": 12, \"na")));

        CloudProviderException failure = failureOf(() -> client.createServer(createRequest(List.of())));

        assertThat(failure).isInstanceOf(DigitalOceanTransientException.class)
                .hasMessageContaining("unreadable body");
        assertThat(failure.httpStatus()).isEqualTo(202);
    }

    @Test
    void a_success_body_without_the_droplet_is_transient() {
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/7")).willReturn(json(200, "{\"links\":{}}")));

        CloudProviderException failure = failureOf(() -> client.findServer("7"));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure).hasMessageContaining("unreadable body");
    }

    @Test
    void a_validation_error_is_permanent_and_carries_digitaloceans_message() {
        wireMock.stubFor(post(urlEqualTo("/v2/droplets")).willReturn(json(422,
                "{\"id\":\"unprocessable_entity\",\"message\":\"Size is not available in this region.\","
                        + "\"request_id\":\"4d9d8375-3c56-4925-a3e7-eb137fed17e9\"}")));

        CloudProviderException failure = failureOf(() -> client.createServer(createRequest(List.of())));

        assertThat(failure).isInstanceOf(DigitalOceanPermanentException.class)
                .hasMessageContaining("unprocessable_entity")
                .hasMessageContaining("Size is not available in this region.")
                .hasMessageContaining("4d9d8375-3c56-4925-a3e7-eb137fed17e9");
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.httpStatus()).isEqualTo(422);
        assertThat(failure.retryAfter()).isEmpty();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 409})
    void client_errors_on_create_are_permanent(int status) {
        wireMock.stubFor(post(urlEqualTo("/v2/droplets")).willReturn(json(status,
                "{\"id\":\"some_error\",\"message\":\"Refused with " + status + "\"}")));

        CloudProviderException failure = failureOf(() -> client.createServer(createRequest(List.of())));

        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure).hasMessageContaining("Refused with " + status);
    }

    // ------------------------------------------------------------------ read

    @Test
    void an_active_droplet_maps_to_a_ready_server_with_its_public_ipv4() {
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/3164444")).willReturn(json(200, envelope(droplet(3164444,
                "vps-42.webrana.id", "active", PRIVATE_V4 + "," + publicV4("159.89.200.17"),
                publicV6("2400:6180:0:d0::1b:2001"), "order-42")))));

        Optional<CloudServer> found = client.findServer("3164444");

        assertThat(found).hasValueSatisfying(server -> {
            assertThat(server.status()).isEqualTo(ServerStatus.ACTIVE);
            assertThat(server.publicIpv4()).isEqualTo("159.89.200.17");
            assertThat(server.publicIpv6()).isEqualTo("2400:6180:0:d0::1b:2001");
            assertThat(server.isReady()).isTrue();
            assertThat(server.tags()).containsExactly("order-42");
        });
        wireMock.verify(getRequestedFor(urlEqualTo("/v2/droplets/3164444"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void a_droplet_unknown_to_digitalocean_is_empty_not_an_error() {
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/99")).willReturn(json(404,
                "{\"id\":\"not_found\",\"message\":\"The resource you requested could not be found.\"}")));

        assertThat(client.findServer("99")).isEmpty();
    }

    @Test
    void an_id_that_cannot_be_a_droplet_id_is_empty_without_asking() {
        assertThat(client.findServer("abc")).isEmpty();
        assertThat(client.findServer(null)).isEmpty();
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void listing_by_tag_sends_the_tag_and_maps_every_droplet() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/droplets")).willReturn(json(200, "{\"droplets\":["
                + droplet(1, "a", "active", publicV4("203.0.113.1"), "", "order:42") + ","
                + droplet(2, "b", "off", "", "", "order:42")
                + "],\"links\":{},\"meta\":{\"total\":2}}")));

        List<CloudServer> servers = client.findServersByTag("order:42");

        assertThat(servers).extracting(CloudServer::providerServerId).containsExactly("1", "2");
        assertThat(servers).extracting(CloudServer::status).containsExactly(ServerStatus.ACTIVE, ServerStatus.OFF);
        assertThat(servers.get(0).publicIpv4()).isEqualTo("203.0.113.1");
        wireMock.verify(getRequestedFor(urlPathEqualTo("/v2/droplets"))
                .withQueryParam("tag_name", equalTo("order:42"))
                .withQueryParam("page", equalTo("1"))
                .withQueryParam("per_page", equalTo("200")));
    }

    @Test
    void listing_by_tag_follows_the_pages_until_the_total_is_reached() {
        String fullPage = IntStream.rangeClosed(1, DigitalOceanClient.PER_PAGE)
                .mapToObj(i -> droplet(i, "d" + i, "active", "", "", "bulk"))
                .collect(Collectors.joining(",", "{\"droplets\":[", "],\"links\":{\"pages\":{\"next\":"
                        + "\"https://api.digitalocean.com/v2/droplets?page=2&per_page=200&tag_name=bulk\"}},"
                        + "\"meta\":{\"total\":201}}"));
        wireMock.stubFor(get(urlPathEqualTo("/v2/droplets")).withQueryParam("page", equalTo("1"))
                .willReturn(json(200, fullPage)));
        wireMock.stubFor(get(urlPathEqualTo("/v2/droplets")).withQueryParam("page", equalTo("2"))
                .willReturn(json(200, "{\"droplets\":[" + droplet(201, "d201", "new", "", "", "bulk")
                        + "],\"links\":{\"pages\":{\"prev\":\"x\"}},\"meta\":{\"total\":201}}")));

        List<CloudServer> servers = client.findServersByTag("bulk");

        assertThat(servers).hasSize(201);
        assertThat(servers.get(200).providerServerId()).isEqualTo("201");
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/v2/droplets")));
    }

    @Test
    void a_blank_tag_is_refused_because_it_would_list_every_droplet() {
        CloudProviderException failure = failureOf(() -> client.findServersByTag(" "));

        assertThat(failure.isTransient()).isFalse();
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void the_simulator_base_path_stays_in_front_of_v2() {
        DigitalOceanClient sandbox = client(wireMock.baseUrl() + "/sandbox/digitalocean/", Duration.ofSeconds(5));
        wireMock.stubFor(get(urlEqualTo("/sandbox/digitalocean/v2/droplets/7")).willReturn(json(200,
                envelope(droplet(7, "sim", "active", publicV4("198.51.100.7"), "")))));

        assertThat(sandbox.findServer("7")).map(CloudServer::publicIpv4).contains("198.51.100.7");
    }

    @Test
    void concurrent_calls_can_share_one_client() throws Exception {
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/7")).willReturn(json(200,
                envelope(droplet(7, "shared", "active", publicV4("198.51.100.7"), ""))).withFixedDelay(100)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Optional<CloudServer>>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(pool.submit(() -> client.findServer("7")));
            }
            for (Future<Optional<CloudServer>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ delete

    @Test
    void deleting_succeeds_on_204_and_on_404() {
        wireMock.stubFor(delete(urlEqualTo("/v2/droplets/1")).willReturn(aResponse().withStatus(204)
                .withHeader("Content-Type", "application/json")));
        wireMock.stubFor(delete(urlEqualTo("/v2/droplets/2")).willReturn(json(404,
                "{\"id\":\"not_found\",\"message\":\"The resource you requested could not be found.\"}")));

        client.deleteServer("1");
        client.deleteServer("2");

        wireMock.verify(deleteRequestedFor(urlEqualTo("/v2/droplets/1"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        wireMock.verify(deleteRequestedFor(urlEqualTo("/v2/droplets/2")));
    }

    @Test
    void a_delete_that_hits_a_server_error_is_transient() {
        wireMock.stubFor(delete(urlEqualTo("/v2/droplets/1")).willReturn(json(500,
                "{\"id\":\"server_error\",\"message\":\"Unexpected server-side error\"}")));

        assertThat(failureOf(() -> client.deleteServer("1")).isTransient()).isTrue();
    }

    @Test
    void deleting_something_that_cannot_be_a_droplet_id_is_permanent() {
        assertThat(failureOf(() -> client.deleteServer("../droplets")).isTransient()).isFalse();
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    // ------------------------------------------------------------------ droplet actions

    private static String actionJson(long id, String status, String type, String startedAt, String completedAt) {
        return "{\"action\":{\"id\":" + id + ",\"status\":\"" + status + "\",\"type\":\"" + type + "\","
                + "\"started_at\":" + (startedAt == null ? "null" : "\"" + startedAt + "\"") + ","
                + "\"completed_at\":" + (completedAt == null ? "null" : "\"" + completedAt + "\"") + ","
                + "\"resource_id\":7,\"resource_type\":\"droplet\",\"region\":null,\"region_slug\":\"sgp1\"}}";
    }

    private void stubActionAnswer(int status, String body) {
        wireMock.stubFor(post(urlEqualTo("/v2/droplets/7/actions")).willReturn(json(status, body)));
    }

    @ParameterizedTest(name = "{0} is sent as {1}")
    @CsvSource({"REBOOT, reboot", "POWER_ON, power_on", "POWER_OFF, power_off", "POWER_CYCLE, power_cycle",
            "SHUTDOWN, shutdown", "PASSWORD_RESET, password_reset"})
    void each_server_action_posts_exactly_its_digitalocean_type_with_the_bearer_token(ServerAction action,
                                                                                      String type) {
        stubActionAnswer(201, actionJson(2600000001L, "in-progress", type, "2026-03-01T12:00:00Z", null));

        ProviderAction started = client.performAction("7", action);

        assertThat(started.providerActionId()).isEqualTo("2600000001");
        assertThat(started.type()).isEqualTo(type);
        assertThat(started.status()).isEqualTo(ProviderAction.Status.IN_PROGRESS);
        assertThat(started.startedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(started.completedAt()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v2/droplets/7/actions"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"type\":\"" + type + "\"}")));
    }

    @Test
    void every_server_action_is_offered_and_each_maps_to_a_distinct_type() {
        assertThat(client.capabilities().serverActions()).containsExactlyInAnyOrder(ServerAction.values());
        assertThat(Arrays.stream(ServerAction.values()).map(ActionMapper::type).distinct())
                .hasSize(ServerAction.values().length);
    }

    @Test
    void a_snapshot_posts_the_snapshot_type_with_its_name() {
        stubActionAnswer(201, actionJson(2600000002L, "in-progress", "snapshot", "2026-03-01T12:00:00Z", null));

        ProviderAction started = client.snapshot("7", "vps-42 before upgrade");

        assertThat(started.providerActionId()).isEqualTo("2600000002");
        assertThat(started.type()).isEqualTo("snapshot");
        assertThat(started.status()).isEqualTo(ProviderAction.Status.IN_PROGRESS);
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v2/droplets/7/actions"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"type\":\"snapshot\",\"name\":\"vps-42 before upgrade\"}")));
    }

    @Test
    void a_snapshot_without_a_name_is_refused_before_anything_is_sent() {
        assertThat(failureOf(() -> client.snapshot("7", " ")).isTransient()).isFalse();
        assertThat(failureOf(() -> client.snapshot("7", null)).isTransient()).isFalse();
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"in-progress, IN_PROGRESS", "completed, COMPLETED", "errored, ERRORED", "COMPLETED, COMPLETED",
            "paused, IN_PROGRESS"})
    void finding_an_action_reads_it_from_the_droplets_actions_and_maps_its_status(String status,
                                                                                 ProviderAction.Status expected) {
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/7/actions/2600000001")).willReturn(json(200,
                actionJson(2600000001L, status, "power_off", "2026-03-01T12:00:00Z", "2026-03-01T12:00:09Z"))));

        ProviderAction found = client.findAction("7", "2600000001");

        assertThat(found.status()).isEqualTo(expected);
        assertThat(found.providerActionId()).isEqualTo("2600000001");
        assertThat(found.type()).isEqualTo("power_off");
        assertThat(found.startedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(found.completedAt()).isEqualTo(Instant.parse("2026-03-01T12:00:09Z"));
        wireMock.verify(1, getRequestedFor(urlEqualTo("/v2/droplets/7/actions/2600000001"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void unparseable_action_timestamps_read_as_unknown_rather_than_failing() {
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/7/actions/1")).willReturn(json(200,
                actionJson(1, "completed", "reboot", "yesterday", null))));

        ProviderAction found = client.findAction("7", "1");

        assertThat(found.startedAt()).isNull();
        assertThat(found.completedAt()).isNull();
    }

    @Test
    void an_action_answer_without_an_action_id_is_an_unreadable_body() {
        stubActionAnswer(201, "{\"action\":{\"status\":\"in-progress\",\"type\":\"reboot\"}}");

        CloudProviderException failure = failureOf(() -> client.performAction("7", ServerAction.REBOOT));

        assertThat(failure.isTransient()).isTrue();
        assertThat(failure).hasMessageContaining("unreadable body");
    }

    @Test
    void an_action_asked_while_another_runs_is_transient_so_the_caller_may_ask_again_later() {
        stubActionAnswer(422, "{\"id\":\"unprocessable_entity\",\"message\":\"Droplet already has a pending event.\"}");

        CloudProviderException failure = failureOf(() -> client.performAction("7", ServerAction.POWER_OFF));

        assertThat(failure).isInstanceOf(DigitalOceanPendingEventException.class)
                .hasMessageContaining("Droplet already has a pending event.");
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.httpStatus()).isEqualTo(422);
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v2/droplets/7/actions")));
    }

    @Test
    void a_snapshot_asked_while_another_action_runs_is_transient_too() {
        stubActionAnswer(422, "{\"id\":\"unprocessable_entity\",\"message\":\"Droplet already has a pending event.\"}");

        assertThat(failureOf(() -> client.snapshot("7", "nightly")))
                .isInstanceOf(DigitalOceanPendingEventException.class);
    }

    @Test
    void any_other_422_on_an_action_is_permanent() {
        stubActionAnswer(422, "{\"id\":\"unprocessable_entity\",\"message\":\"Droplet is already powered off.\"}");

        CloudProviderException failure = failureOf(() -> client.performAction("7", ServerAction.POWER_OFF));

        assertThat(failure).isInstanceOf(DigitalOceanPermanentException.class)
                .hasMessageContaining("Droplet is already powered off.");
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.httpStatus()).isEqualTo(422);
    }

    @Test
    void an_action_on_a_droplet_digitalocean_does_not_know_is_permanent() {
        stubActionAnswer(404, "{\"id\":\"not_found\",\"message\":\"The resource you requested could not be found.\"}");

        CloudProviderException failure = failureOf(() -> client.performAction("7", ServerAction.REBOOT));

        assertThat(failure).isInstanceOf(DigitalOceanPermanentException.class);
        assertThat(failure.httpStatus()).isEqualTo(404);
    }

    @Test
    void a_rate_limited_action_is_transient_says_how_long_to_wait_and_is_sent_once() {
        wireMock.stubFor(post(urlEqualTo("/v2/droplets/7/actions")).willReturn(json(429,
                "{\"id\":\"too_many_requests\",\"message\":\"API rate limit exceeded.\"}")
                .withHeader("retry-after", "12")));

        CloudProviderException failure = failureOf(() -> client.performAction("7", ServerAction.REBOOT));

        assertThat(failure).isInstanceOf(DigitalOceanRateLimitedException.class);
        assertThat(failure.isTransient()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(12));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v2/droplets/7/actions")));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 503, 504})
    void server_errors_on_an_action_are_transient(int status) {
        stubActionAnswer(status, "{\"id\":\"server_error\",\"message\":\"Unexpected server-side error\"}");

        CloudProviderException failure = failureOf(() -> client.performAction("7", ServerAction.POWER_CYCLE));

        assertThat(failure).isInstanceOf(DigitalOceanTransientException.class)
                .isNotInstanceOf(DigitalOceanPendingEventException.class);
        assertThat(failure.httpStatus()).isEqualTo(status);
    }

    @Test
    void finding_an_action_fails_permanently_on_404_and_transiently_on_a_server_error() {
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/7/actions/404")).willReturn(json(404,
                "{\"id\":\"not_found\",\"message\":\"The resource you requested could not be found.\"}")));
        wireMock.stubFor(get(urlEqualTo("/v2/droplets/7/actions/503")).willReturn(json(503,
                "{\"id\":\"service_unavailable\",\"message\":\"try later\"}")));

        assertThat(failureOf(() -> client.findAction("7", "404")).isTransient()).isFalse();
        assertThat(failureOf(() -> client.findAction("7", "503")).isTransient()).isTrue();
    }

    @Test
    void ids_that_cannot_be_digitalocean_ids_are_refused_before_anything_is_sent() {
        assertThat(failureOf(() -> client.performAction("abc", ServerAction.REBOOT)).isTransient()).isFalse();
        assertThat(failureOf(() -> client.findAction("7", "../../account")).isTransient()).isFalse();
        assertThat(failureOf(() -> client.findAction("7", null)).isTransient()).isFalse();
        assertThat(failureOf(() -> client.findAction("x", "1")).isTransient()).isFalse();
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    // ------------------------------------------------------------------ beyond the port

    @Test
    void the_catalogue_reads_sizes_distribution_images_and_regions() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/sizes")).willReturn(json(200, """
                {"sizes":[{"slug":"s-1vcpu-1gb","memory":1024,"vcpus":1,"disk":25,"transfer":1.0,
                  "price_monthly":6.00,"price_hourly":0.00893,"regions":["sgp1","nyc3"],"available":true,
                  "description":"Basic","disk_info":[]}],"links":{},"meta":{"total":1}}""")));
        wireMock.stubFor(get(urlPathEqualTo("/v2/images")).willReturn(json(200, """
                {"images":[{"id":160232537,"name":"24.04 (LTS) x64","distribution":"Ubuntu",
                  "slug":"ubuntu-24-04-x64","public":true,"regions":["sgp1"],"type":"base","min_disk_size":7,
                  "status":"available"}],"links":{},"meta":{"total":1}}""")));
        wireMock.stubFor(get(urlPathEqualTo("/v2/regions")).willReturn(json(200, """
                {"regions":[{"name":"Singapore 1","slug":"sgp1","features":["backups"],"available":true,
                  "sizes":["s-1vcpu-1gb"]}],"links":{},"meta":{"total":1}}""")));

        List<Size> sizes = client.sizes();
        List<Image> images = client.distributionImages();
        List<Region> regions = client.regions();

        assertThat(sizes).singleElement().satisfies(size -> {
            assertThat(size.slug()).isEqualTo("s-1vcpu-1gb");
            assertThat(size.priceMonthly()).isEqualByComparingTo(new BigDecimal("6.00"));
            assertThat(size.regions()).contains("sgp1");
        });
        assertThat(images).singleElement().satisfies(image -> {
            assertThat(image.slug()).isEqualTo("ubuntu-24-04-x64");
            assertThat(image.publicImage()).isTrue();
            assertThat(image.minDiskSize()).isEqualTo(7);
        });
        assertThat(regions).extracting(Region::slug).containsExactly("sgp1");
        wireMock.verify(getRequestedFor(urlPathEqualTo("/v2/images")).withQueryParam("type", equalTo("distribution")));
    }

    @Test
    void capabilities_say_digitalocean_has_no_api_console_mails_reset_passwords_and_takes_snapshots() {
        assertThat(client.capabilities().providerName()).isEqualTo("DIGITALOCEAN");
        assertThat(client.capabilities().webConsole()).isFalse();
        assertThat(client.capabilities().passwordResetReturnsPassword()).isFalse();
        assertThat(client.capabilities().snapshots()).isTrue();
        assertThat(client.capabilities().supports(ServerAction.PASSWORD_RESET)).isTrue();
        assertThatThrownBy(() -> client.consoleUrl("7")).isInstanceOf(UnsupportedOperationException.class);
    }
}
