package id.webrana.cloud.adapter.out.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.DropletActionRequest;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Image;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Region;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Size;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.ProviderAction;
import id.webrana.cloud.application.port.out.ServerAction;
import id.webrana.cloud.application.port.out.ServerStatus;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract test: the adapter against Prism serving the official DigitalOcean OpenAPI subset
 * ({@code shared/contracts/digitalocean/openapi-droplets.yaml}).
 *
 * <p>Prism validates every request against the spec (body schema, path and query parameters, the bearer security
 * scheme) and answers 422/400/401 when it does not conform, which the adapter turns into a permanent failure; a
 * passing call therefore means our request is what DigitalOcean documents. The answers are the spec's static
 * examples, so the mapping is checked against DigitalOcean's own sample JSON.
 *
 * <p>Prism ({@code @stoplight/prism-cli}, version from the {@code prism.version} system property) is taken from
 * {@code target/prism} if installed there, else from the PATH, else installed there with npm. The class is skipped
 * only when node or npm is missing; when they are present and Prism cannot be installed or started, it fails.
 */
@Tag("contract")
class DigitalOceanPrismContractTest {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String SSH_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBrRquYf1ZsRUxAewTAgU9CbWYe+kZ0pYyOxBzBRRXoX ops@webrana.id";

    private static final StringBuffer prismOutput = new StringBuffer();
    private static Process prism;
    private static final String DROPLET_ID = "3164444";
    private static final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    private static DigitalOceanClient client;
    /** The Rest Client under {@link #client}, for requests the adapter itself would never send. */
    private static DigitalOceanApi api;
    private static RecordingApi recorder;
    private static String baseUrl;

    /** Why the tests are skipped (node or npm missing), or null when Prism runs. */
    private static String skipReason;

    @BeforeAll
    static void startPrism() throws Exception {
        if (!commandWorks("node", "--version")) {
            skipReason = "node is not installed: skipping the DigitalOcean Prism contract test";
        } else if (!commandWorks("npm", "--version")) {
            skipReason = "npm is not installed: skipping the DigitalOcean Prism contract test";
        }
        if (skipReason != null) {
            System.err.println(skipReason);
            return;
        }

        Path spec = specFile();
        if (!Files.isRegularFile(spec)) {
            fail("The DigitalOcean OpenAPI contract is missing: " + spec);
        }
        Path prismExecutable = prismExecutable();
        int port = freePort();
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(prismExecutable.toString(), "mock", "-p", String.valueOf(port),
                "-h", "127.0.0.1", spec.toString()).redirectErrorStream(true);
        builder.environment().put("NO_COLOR", "1");
        prism = builder.start();

        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(prism.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    prismOutput.append(line).append('\n');
                    if (line.contains("Prism is listening")) {
                        listening.countDown();
                    }
                }
            } catch (IOException e) {
                prismOutput.append("[output closed: ").append(e.getMessage()).append("]\n");
            }
        }, "prism-output");
        reader.setDaemon(true);
        reader.start();

        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!listening.await(250, TimeUnit.MILLISECONDS)) {
            if (!prism.isAlive()) {
                fail("Prism exited with code " + prism.exitValue() + " before listening:\n" + tail(prismOutput));
            }
            if (System.nanoTime() > deadline) {
                fail("Prism did not say 'Prism is listening' within " + START_TIMEOUT.toSeconds() + " s:\n"
                        + tail(prismOutput));
            }
        }
        System.out.printf("Prism (%s) listening on 127.0.0.1:%d after %d ms%n", prismExecutable, port,
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        baseUrl = "http://127.0.0.1:" + port;
        api = DigitalOceanClient.restClient(DigitalOceanSettings.of(baseUrl, "contract-test-token")
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));
        recorder = new RecordingApi(api, exchanges);
        client = new DigitalOceanClient(recorder.api());
    }

    @BeforeEach
    void skipWithoutNode() {
        // per test rather than in @BeforeAll, so that each test is reported as skipped with the reason
        assumeTrue(skipReason == null, skipReason);
        exchanges.clear();
    }

    @AfterAll
    static void stopPrism() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (prism != null) {
            try {
                // Prism logs each request and any spec violation: kept for reading after a failure
                Path log = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")),
                        "target", "prism-mock.log");
                Files.createDirectories(log.getParent());
                Files.writeString(log, prismOutput);
            } catch (IOException e) {
                System.err.println("could not keep the Prism log: " + e.getMessage());
            }
            prism.descendants().forEach(ProcessHandle::destroy);
            prism.destroy();
            if (!prism.waitFor(10, TimeUnit.SECONDS)) {
                prism.descendants().forEach(ProcessHandle::destroyForcibly);
                prism.destroyForcibly();
                prism.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    // ------------------------------------------------------------------ the port

    @Test
    void the_create_request_conforms_to_the_spec_and_the_accepted_droplet_maps() {
        CloudServer created = client.createServer(new CreateServerRequest("vps-42.webrana.id", "sgp1", "s-1vcpu-1gb",
                "ubuntu-24-04-x64", List.of("webrana", "order-42"), "#cloud-config\npackage_update: true\n",
                List.of(SSH_KEY)));

        // the spec's example answer (droplet_create_response)
        assertThat(created.providerServerId()).isEqualTo("3164444");
        assertThat(created.status()).isEqualTo(ServerStatus.NEW);
        assertThat(created.region()).isEqualTo("nyc3");
        assertThat(created.sizeSlug()).isEqualTo("s-1vcpu-1gb");
        assertThat(created.imageSlug()).isEqualTo("ubuntu-20-04-x64");
        assertThat(created.publicIpv4()).isNull();
        assertThat(created.createdAt()).isNotNull();
    }

    @Test
    void getting_a_droplet_maps_the_public_ipv4_of_the_example() {
        Optional<CloudServer> found = client.findServer("3164444");

        assertThat(found).hasValueSatisfying(server -> {
            assertThat(server.status()).isEqualTo(ServerStatus.ACTIVE);
            assertThat(server.publicIpv4()).isEqualTo("192.241.165.154");
            assertThat(server.publicIpv6()).isEqualTo("2604:a880:0:1010::18a:a001");
            assertThat(server.isReady()).isTrue();
            assertThat(server.tags()).isNotEmpty();
        });
    }

    @Test
    void listing_by_tag_conforms_and_maps_every_example_droplet() {
        List<CloudServer> servers = client.findServersByTag("order-42");

        assertThat(servers).isNotEmpty();
        assertThat(servers).allSatisfy(server -> {
            assertThat(server.providerServerId()).isNotBlank();
            assertThat(server.status()).isNotEqualTo(ServerStatus.UNKNOWN);
            assertThat(server.region()).isNotBlank();
        });
        assertThat(servers.get(0).publicIpv4()).isEqualTo("192.241.165.154");
    }

    @Test
    void deleting_a_droplet_conforms() {
        client.deleteServer("3164444");
    }

    // ------------------------------------------------------------------ droplet actions

    /**
     * Each of the port's actions goes through the real adapter (Rest Client, JSON-B, bearer token) to Prism, which
     * checks the body against the spec's {@code anyOf}/discriminator schema and the path parameter; it answers 201
     * only when the request conforms, and reports any violation in {@code sl-violations}.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerAction.class)
    void each_server_action_reaches_digitalocean_as_the_spec_documents_it(ServerAction action) {
        ProviderAction started = client.performAction(DROPLET_ID, action);

        Exchange exchange = recorder.last();
        assertThat(exchange.method()).isEqualTo("postDropletAction");
        assertThat(exchange.status()).as("Prism's answer to " + action).isEqualTo(201);
        assertThat(exchange.violations()).as("sl-violations for " + action).isNull();
        assertThat(started.providerActionId()).isNotBlank();
        assertThat(started.status()).isNotNull();
        assertThat(started.startedAt()).isNotNull();
    }

    @Test
    void a_named_snapshot_reaches_digitalocean_as_the_spec_documents_it() {
        ProviderAction started = client.snapshot(DROPLET_ID, "vps-42 before upgrade");

        Exchange exchange = recorder.last();
        assertThat(exchange.method()).isEqualTo("postDropletAction");
        assertThat(exchange.status()).isEqualTo(201);
        assertThat(exchange.violations()).isNull();
        assertThat(started.providerActionId()).isNotBlank();
    }

    @Test
    void finding_a_droplet_action_conforms_and_maps_the_example() {
        ProviderAction found = client.findAction(DROPLET_ID, "36804807");

        Exchange exchange = recorder.last();
        assertThat(exchange.method()).isEqualTo("getDropletAction");
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.violations()).isNull();
        assertThat(found.providerActionId()).isNotBlank();
        assertThat(found.status()).isNotNull();
    }

    @Test
    void prism_really_validates_requests_so_a_wrong_one_is_refused_with_its_violations() {
        // the same Rest Client the adapter uses, with a type the port can never send
        try (Response response = api.postDropletAction(Long.parseLong(DROPLET_ID),
                new DropletActionRequest("explode", null))) {
            assertThat(response.getStatus()).isIn(400, 422);
            assertThat(response.getHeaderString("sl-violations")).contains("type");
        }
    }

    @Test
    void prism_really_checks_the_bearer_token_the_adapter_sends() {
        try (DigitalOceanClient anonymous = new DigitalOceanClient(new RecordingApi(RestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .property("microprofile.rest.client.disable.default.mapper", Boolean.TRUE)
                .build(DigitalOceanApi.class), new ArrayList<>()).api())) {
            CloudProviderException failure = catchThrowableOfType(CloudProviderException.class,
                    () -> anonymous.performAction(DROPLET_ID, ServerAction.REBOOT));

            assertThat(failure).isNotNull();
            assertThat(failure.isTransient()).isFalse();
            assertThat(failure.httpStatus()).isEqualTo(401);
        }
    }

    // ------------------------------------------------------------------ beyond the port

    @Test
    void the_catalogue_reads_conform_and_map() {
        List<Size> sizes = client.sizes();
        List<Image> images = client.distributionImages();
        List<Region> regions = client.regions();

        assertThat(sizes).isNotEmpty().allSatisfy(size -> {
            assertThat(size.slug()).isNotBlank();
            assertThat(size.priceMonthly()).isNotNull();
        });
        assertThat(images).isNotEmpty().allSatisfy(image -> assertThat(image.id()).isNotNull());
        assertThat(regions).extracting(Region::slug).contains("nyc3");
    }

    // ------------------------------------------------------------------ Prism plumbing

    /** One call of the adapter as Prism answered it: its status and its {@code sl-violations} header (null: none). */
    record Exchange(String method, int status, String violations) {
    }

    /**
     * Stands between the adapter and its Rest Client and notes Prism's status and {@code sl-violations} for each call
     * (reading headers leaves the body to the adapter).
     */
    static final class RecordingApi implements InvocationHandler {
        private final DigitalOceanApi target;
        private final List<Exchange> log;
        private final DigitalOceanApi proxy;

        RecordingApi(DigitalOceanApi target, List<Exchange> log) {
            this.target = target;
            this.log = log;
            this.proxy = (DigitalOceanApi) Proxy.newProxyInstance(DigitalOceanApi.class.getClassLoader(),
                    new Class<?>[] {DigitalOceanApi.class, AutoCloseable.class}, this);
        }

        /** The recording view, to hand to {@link DigitalOceanClient}. */
        DigitalOceanApi api() {
            return proxy;
        }

        Exchange last() {
            synchronized (log) {
                assertThat(log).as("calls that reached Prism").isNotEmpty();
                return log.get(log.size() - 1);
            }
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == AutoCloseable.class) {
                if (target instanceof AutoCloseable closeable) {
                    closeable.close();
                }
                return null;
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "RecordingApi(" + target + ")";
                };
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Response response) {
                log.add(new Exchange(method.getName(), response.getStatus(),
                        response.getHeaderString("sl-violations")));
            }
            return result;
        }
    }

    private static Path specFile() {
        String override = System.getProperty("digitalocean.openapi");
        if (override != null && !override.isBlank()) {
            return Paths.get(override).toAbsolutePath().normalize();
        }
        // module dir -> repo root (its parent) -> shared/ beside the repo root
        Path moduleDir = Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path repoRoot = moduleDir.getParent();
        return repoRoot.resolve("../shared/contracts/digitalocean/openapi-droplets.yaml").normalize();
    }

    private static Path prismExecutable() throws IOException, InterruptedException {
        Path moduleDir = Paths.get(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path installDir = Paths.get(System.getProperty("prism.installDir",
                moduleDir.resolve("target/prism").toString())).toAbsolutePath();
        Path local = installDir.resolve("node_modules/.bin/prism");
        if (Files.isExecutable(local)) {
            return local;
        }
        Optional<Path> onPath = onPath("prism");
        if (onPath.isPresent()) {
            return onPath.get();
        }
        String version = System.getProperty("prism.version", "5.14.2");
        Files.createDirectories(installDir);
        List<String> command = new ArrayList<>(List.of("npm", "install", "--prefix", installDir.toString(),
                "--no-audit", "--no-fund", "--loglevel=error", "@stoplight/prism-cli@" + version));
        Path log = installDir.resolve("npm-install.log");
        Process npm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            npm.descendants().forEach(ProcessHandle::destroyForcibly);
            npm.destroyForcibly();
            fail("npm install of Prism did not finish within " + INSTALL_TIMEOUT.toMinutes() + " min: " + log);
        }
        if (npm.exitValue() != 0 || !Files.isExecutable(local)) {
            fail("npm install of @stoplight/prism-cli@" + version + " failed (exit " + npm.exitValue() + "):\n"
                    + Files.readString(log));
        }
        return local;
    }

    private static Optional<Path> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Paths.get(dir, executable);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String tail(CharSequence output) {
        String text = output.toString();
        return text.length() > 4_000 ? "..." + text.substring(text.length() - 4_000) : text;
    }
}
