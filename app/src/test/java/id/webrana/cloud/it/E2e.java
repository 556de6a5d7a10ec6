package id.webrana.cloud.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The running server under test (started by the liberty-maven-plugin in pre-integration-test). */
final class E2e {

    static final String BASE_URL = System.getProperty("it.base.url", "http://localhost:9180");
    /** The test server's directory: its logs and the JWT key pair it generated live there. */
    static final Path SERVER_DIR = Path.of(System.getProperty("it.server.dir", "target/liberty/wlp/usr/servers/webranaIT"));

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private static volatile boolean ready;
    private static volatile String notReady;

    private E2e() {
    }

    /**
     * Liberty reports "server ready" once the application has been started, or has failed, or after
     * applicationManager's start timeout: the tests begin when readiness says UP (or give up after two minutes).
     */
    static synchronized void awaitReady() {
        if (ready) {
            return;
        }
        if (notReady != null) {
            throw new IllegalStateException(notReady); // waited once already: fail the other tests fast
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = CLIENT.send(HttpRequest.newBuilder(URI.create(BASE_URL + "/health/ready"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (last.statusCode() == 200) {
                    ready = true;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        notReady = "Server at " + BASE_URL + " not ready: "
                + (last == null ? "no answer" : last.statusCode() + " " + last.body())
                + " (see " + SERVER_DIR.resolve("logs/messages.log") + ")";
        throw new IllegalStateException(notReady);
    }

    static HttpResponse<String> get(String path, String... headers) {
        awaitReady();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URL + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
