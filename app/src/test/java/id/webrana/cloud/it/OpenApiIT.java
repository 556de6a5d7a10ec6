package id.webrana.cloud.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiIT {

    @Test
    void documentsTheRestApiWithItsBearerScheme() {
        var response = E2e.get("/openapi", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("WeBrana Cloud API")
                .contains("/api/v1/ping")
                .contains("/api/v1/ping/me")
                .contains("\"bearer\"");
        // the sandbox's simulated DigitalOcean API is not part of the product's API document
        assertThat(response.body()).doesNotContain("/digitalocean/");
    }

    @Test
    void uiIsServed() {
        assertThat(E2e.get("/openapi/ui/").statusCode()).isEqualTo(200);
    }
}
