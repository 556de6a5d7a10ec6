package id.webrana.cloud.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The built-in DigitalOcean simulator is deployed with the application at /sandbox. */
class SandboxIT {

    @Test
    void regionsAnswerWithTheSandboxToken() {
        var response = E2e.get("/sandbox/digitalocean/v2/regions", "Authorization", "Bearer sandbox-token");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"regions\"");
    }
}
