package id.webrana.cloud.sandbox.tripay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A merchant's callback endpoint for tests: a JDK HTTP server on 127.0.0.1 that records every request with its exact
 * body bytes and answers with scripted replies (by default 200 {@code {"success":true}}).
 */
public final class CallbackReceiver implements AutoCloseable {

    /**
     * One request received.
     *
     * @param method the HTTP method
     * @param body the exact body bytes
     * @param headers header values by lower-case name (first value)
     */
    public record Received(String method, byte[] body, Map<String, String> headers) {

        /** @return the body as UTF-8 text */
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /**
         * @param name a header name, any case
         * @return its first value, or {@code null}
         */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Reply> scripted = new ArrayDeque<>();
    private Reply fallback = new Reply(200, "{\"success\":true}");

    private CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return a started receiver */
    public static CallbackReceiver start() {
        try {
            return new CallbackReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the callback URL to give to the simulator */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tripay/callback";
    }

    /**
     * @param status the HTTP status of every reply without a scripted one
     * @param body its body
     */
    public synchronized void alwaysReply(int status, String body) {
        fallback = new Reply(status, body);
    }

    /**
     * @param status the HTTP status of the next unscripted reply
     * @param body its body
     */
    public synchronized void thenReply(int status, String body) {
        scripted.addLast(new Reply(status, body));
    }

    /** @return every request so far, oldest first */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Forgets the requests and the scripted replies; replies {@code {"success":true}} again. */
    public synchronized void clear() {
        received.clear();
        scripted.clear();
        fallback = new Reply(200, "{\"success\":true}");
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        received.add(new Received(exchange.getRequestMethod(), body, headers));
        Reply reply;
        synchronized (this) {
            reply = scripted.isEmpty() ? fallback : scripted.removeFirst();
        }
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
