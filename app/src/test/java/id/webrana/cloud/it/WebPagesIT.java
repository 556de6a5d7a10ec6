package id.webrana.cloud.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class WebPagesIT {

    @Test
    void rootRedirectsToTheWebApp() {
        var response = E2e.get("/");

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/app/"));
    }

    @Test
    void webAppRendersWithPrimeFaces() {
        var response = E2e.get("/app/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("WeBrana Cloud")
                .contains("ui-panel")
                .contains("jakarta.faces.resource/");

        Matcher script = Pattern.compile("src=\"(/app/jakarta\\.faces\\.resource/[^\"]*ln=primefaces[^\"]*)\"")
                .matcher(response.body());
        assertThat(script.find()).as("a PrimeFaces script in " + response.body()).isTrue();
        var resource = E2e.get(script.group(1).replace("&amp;", "&"));
        assertThat(resource.statusCode()).isEqualTo(200);
        assertThat(resource.body()).isNotEmpty();
    }
}
