package id.webrana.cloud.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provisioning against a misbehaving provider, using the DigitalOcean simulator's fault switches:
 * rate limiting is waited out (still one droplet), a permanent refusal fails the order with the
 * provider's message for admins and a plain sentence for the customer.
 */
class ProviderFaultsIT {

    @AfterEach
    void healthyProviderAgain() {
        Api.send("PUT", "/sandbox/digitalocean/_control/config",
                "{\"rateLimitBurst\":0,\"failCreateWithStatus\":null,\"errorRate\":0,\"latencyMillis\":0}");
    }

    private static String paidOrder(String token, String hostname) {
        Api.Reply created = Api.post("/api/v1/orders", "{\"planId\":\"" + OrderJourneyIT.PLAN + "\",\"imageId\":\""
                + OrderJourneyIT.IMAGE + "\",\"period\":\"DAILY\",\"hostname\":\"" + hostname + "\"}", Api.bearer(token));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        Api.Reply approved = Api.post("/internal/orders/" + id + "/payment-status",
                "{\"decision\":\"APPROVE\",\"reason\":\"paid\"}", Api.apiKey());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    @Test
    void a_rate_limited_provider_is_waited_out_and_the_order_still_gets_exactly_one_droplet() throws Exception {
        String token = Api.newCustomerToken("ratelimit");
        Api.Reply config = Api.send("PUT", "/sandbox/digitalocean/_control/config", "{\"rateLimitBurst\":4}");
        assertThat(config.status()).as(config.body()).isEqualTo(200);

        String id = paidOrder(token, "patient-1");

        OrderJourneyIT.awaitStatus(token, id, "ACTIVE", OrderJourneyIT.BOOT_DELAY.plusSeconds(20));
        Api.Reply droplets = Api.get("/sandbox/digitalocean/_control/droplets?tag_name=webrana-order-" + id);
        assertThat(droplets.json().getInt("total")).isEqualTo(1);
    }

    @Test
    void a_permanent_refusal_fails_the_order_with_the_providers_message_for_admins_only() throws Exception {
        String token = Api.newCustomerToken("refused");
        Api.Reply config = Api.send("PUT", "/sandbox/digitalocean/_control/config", "{\"failCreateWithStatus\":422}");
        assertThat(config.status()).as(config.body()).isEqualTo(200);

        String id = paidOrder(token, "refused-1");

        JsonObject customerView = OrderJourneyIT.awaitStatusAllowingFailure(token, id, "FAILED", Duration.ofSeconds(15));
        assertThat(customerView.getString("failureCode")).isEqualTo("PROVIDER_ERROR");
        assertThat(customerView.getString("failureMessage")).doesNotContain("422").contains("could not set up");
        assertThat(customerView.getJsonArray("statusHistory").toString()).as("no provider detail in the trail either")
                .doesNotContain("PROVIDER_ERROR:").doesNotContain("unprocessable");

        JsonObject adminView = Api.get("/internal/orders/" + id, Api.apiKey()).json();
        assertThat(adminView.getString("status")).isEqualTo("FAILED");
        assertThat(adminView.getString("failureMessage")).isNotBlank().isNotEqualTo(customerView.getString("failureMessage"));
        assertThat(adminView.getJsonObject("provisioning").getString("status")).isEqualTo("FAILED");
        assertThat(Api.get("/sandbox/digitalocean/_control/droplets?tag_name=webrana-order-" + id).json().getInt("total"))
                .isZero();
    }
}
