package id.webrana.cloud.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small JSON client for the end-to-end tests. */
final class Api {

    static final String API_KEY = System.getProperty("it.internal.api.key", "it-internal-key");

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Api() {
    }

    record Reply(int status, String body) {
        JsonObject json() {
            return (JsonObject) parse();
        }

        JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        String errorCode() {
            return json().getJsonObject("error").getString("code");
        }
    }

    static Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    static Reply post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    static Reply send(String method, String path, String json, String... headers) {
        E2e.awaitReady();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(E2e.BASE_URL + path)).timeout(Duration.ofSeconds(60));
        List<String> h = new ArrayList<>(List.of(headers));
        if (json != null) {
            h.add("Content-Type");
            h.add("application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (!h.isEmpty()) {
            b.headers(h.toArray(String[]::new));
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Places a monthly order of the demo Basic plan with Ubuntu as the token's customer; returns the order id. */
    static String placeMonthlyOrder(String token, String hostname) {
        Reply created = post("/api/v1/orders", "{\"planId\":\"" + OrderJourneyIT.PLAN + "\",\"imageId\":\""
                + OrderJourneyIT.IMAGE + "\",\"period\":\"MONTHLY\",\"hostname\":\"" + hostname + "\"}",
                bearer(token));
        if (created.status() != 201) {
            throw new AssertionError("order " + hostname + " refused: " + created.status() + " " + created.body());
        }
        return created.json().getString("id");
    }

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    static String[] apiKey() {
        return new String[] {"X-API-Key", API_KEY};
    }

    /** Registers a fresh customer and returns an access token. */
    static String newCustomerToken(String prefix) {
        String email = prefix + "-" + System.nanoTime() + "@example.id";
        Reply reg = post("/api/v1/auth/register", "{\"email\":\"" + email
                + "\",\"password\":\"Rahasia123\",\"fullName\":\"Budi Santoso\",\"phone\":\"+6281234567890\"}");
        if (reg.status() != 201) {
            throw new IllegalStateException("register: " + reg);
        }
        Reply login = post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Rahasia123\"}");
        if (login.status() != 200) {
            throw new IllegalStateException("login: " + login);
        }
        return login.json().getString("accessToken");
    }
}
