package id.webrana.cloud.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HealthIT {

    @Test
    void readyOnceTheDatabaseIsMigrated() {
        var response = E2e.get("/health/ready");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"name\":\"database\"");
    }

    @Test
    void live() {
        var response = E2e.get("/health/live");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"name\":\"application\"");
    }

    @Test
    void startUpWorkRanExactlyOnceForTheThreeWebModules() throws Exception {
        String log = Files.readString(E2e.SERVER_DIR.resolve("logs/messages.log"));

        assertThat(Pattern.compile("WeBrana Cloud is up").matcher(log).results().count()).isEqualTo(1);
        assertThat(Pattern.compile("Database schema up to date").matcher(log).results().count()).isEqualTo(1);
    }
}
