package id.webrana.cloud.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators' order search and user view on the running server. */
class AdminOrdersIT {

    @Test
    void operators_find_orders_by_status_text_user_and_date_and_see_a_users_latest_orders() {
        String token = Api.newCustomerToken("admin-view");
        String hostname = "cari-" + (System.nanoTime() % 1_000_000);
        Api.Reply created = Api.post("/api/v1/orders", "{\"planId\":\"" + OrderJourneyIT.PLAN + "\",\"imageId\":\""
                + OrderJourneyIT.IMAGE + "\",\"period\":\"MONTHLY\",\"hostname\":\"" + hostname + "\"}", Api.bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String orderId = created.json().getString("id");
        String userId = created.json().getString("userId");

        JsonObject byText = Api.get("/internal/orders?q=" + hostname, Api.apiKey()).json();
        assertThat(byText.getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(byText.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(orderId);

        String from = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        JsonObject filtered = Api.get("/internal/orders?status=PENDING_PAYMENT&userId=" + userId + "&from=" + from
                + "&page=0&size=5", Api.apiKey()).json();
        assertThat(filtered.getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(Api.get("/internal/orders?status=ACTIVE&userId=" + userId, Api.apiKey()).json()
                .getJsonNumber("total").longValue()).isZero();

        JsonObject user = Api.get("/internal/users/" + userId, Api.apiKey()).json();
        assertThat(user.getJsonObject("user").getJsonArray("roles").getString(0)).isEqualTo("customer");
        assertThat(user.getJsonObject("recentOrders").getJsonNumber("total").longValue()).isEqualTo(1);
    }

    @Test
    void bad_filters_are_400_with_a_code() {
        Api.Reply status = Api.get("/internal/orders?status=SHIPPED", Api.apiKey());
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.errorCode()).isEqualTo("VALIDATION_ERROR");
        Api.Reply date = Api.get("/internal/orders?from=yesterday", Api.apiKey());
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.errorCode()).isEqualTo("VALIDATION_ERROR");
        Api.Reply page = Api.get("/internal/orders?size=1000", Api.apiKey());
        assertThat(page.status()).isEqualTo(400);
        Api.Reply user = Api.get("/internal/users/00000000-0000-0000-0000-000000000000", Api.apiKey());
        assertThat(user.status()).isEqualTo(404);
        assertThat(user.errorCode()).isEqualTo("USER_NOT_FOUND");
    }
}
