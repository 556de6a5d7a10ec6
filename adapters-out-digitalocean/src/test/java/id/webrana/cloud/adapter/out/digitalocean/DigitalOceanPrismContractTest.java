package id.webrana.cloud.adapter.out.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Action;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Image;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Region;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.Size;
import id.webrana.cloud.application.port.out.CloudProviderException;
import id.webrana.cloud.application.port.out.CloudServer;
import id.webrana.cloud.application.port.out.CreateServerRequest;
import id.webrana.cloud.application.port.out.ServerStatus;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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
    private static DigitalOceanClient client;

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

        client = new DigitalOceanClient(DigitalOceanClient.restClient(
                DigitalOceanSettings.of("http://127.0.0.1:" + port, "contract-test-token")
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))));
    }

    @BeforeEach
    void skipWithoutNode() {
        // per test rather than in @BeforeAll, so that each test is reported as skipped with the reason
        assumeTrue(skipReason == null, skipReason);
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

    // ------------------------------------------------------------------ beyond the port

    @Test
    void a_reboot_action_conforms_and_can_be_polled() {
        Action started = client.performDropletAction("3164444", "reboot");
        Action polled = client.action(started.id());

        assertThat(started.id()).isPositive();
        assertThat(started.status()).isIn("in-progress", "completed", "errored");
        assertThat(polled.id()).isPositive();
        assertThat(polled.status()).isIn("in-progress", "completed", "errored");
    }

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

    @Test
    void prism_really_validates_requests_so_a_wrong_one_is_a_permanent_failure() {
        CloudProviderException failure = catchThrowableOfType(CloudProviderException.class,
                () -> client.performDropletAction("3164444", "explode"));

        assertThat(failure).isNotNull();
        assertThat(failure.isTransient()).isFalse();
        assertThat(failure.httpStatus()).isIn(400, 422);
    }

    // ------------------------------------------------------------------ Prism plumbing

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
