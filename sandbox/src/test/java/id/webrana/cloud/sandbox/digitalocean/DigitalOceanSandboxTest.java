package id.webrana.cloud.sandbox.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DigitalOceanSandboxTest {

    private TestClock clock;
    private AtomicReference<String> realToken;
    private DigitalOceanSandbox sandbox;

    @BeforeEach
    void setUp() {
        clock = TestClock.at("2026-03-01T10:00:00Z");
        realToken = new AtomicReference<>();
        sandbox = new DigitalOceanSandbox(clock, Catalog.builtIn(), SandboxSettings.defaults(), new Random(42),
                () -> Optional.ofNullable(realToken.get()));
    }

    private SandboxSettings withFaults(double errorRate, int burst, Integer failCreate) {
        return new SandboxSettings(30, 5, errorRate, burst, 0, failCreate);
    }

    private List<Integer> statusesOf(int requests, String method, String path) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(sandbox.admit(method, path).fault().map(DigitalOceanException::status).orElse(200));
        }
        return statuses;
    }

    @Nested
    class Faults {

        @Test
        void a_rate_limit_burst_of_three_gives_three_429s_then_normal_answers() {
            sandbox.applySettings(withFaults(0, 3, null));

            assertThat(statusesOf(5, "GET", "/v2/droplets")).containsExactly(429, 429, 429, 200, 200);
            assertThat(sandbox.settings().rateLimitBurst()).isZero();
        }

        @Test
        void a_429_carries_retry_after_one_second_and_no_remaining_requests() {
            sandbox.applySettings(withFaults(0, 1, null));

            Admission admission = sandbox.admit("GET", "/v2/account");

            assertThat(admission.fault()).hasValueSatisfying(f -> {
                assertThat(f.errorId()).isEqualTo("too_many_requests");
                assertThat(f.getMessage()).isEqualTo("API rate limit exceeded.");
                assertThat(f.retryAfterSeconds()).hasValue(1);
            });
            assertThat(admission.rateLimit().remaining()).isZero();
        }

        @Test
        void an_error_rate_of_one_always_fails_with_a_server_error() {
            sandbox.applySettings(withFaults(1.0, 0, null));

            assertThat(statusesOf(200, "GET", "/v2/droplets")).containsOnly(500);
            assertThat(sandbox.admit("GET", "/v2/sizes").fault()).hasValueSatisfying(
                    f -> assertThat(f.errorId()).isEqualTo("server_error"));
        }

        @Test
        void an_error_rate_of_zero_never_fails() {
            sandbox.applySettings(withFaults(0.0, 0, null));

            assertThat(statusesOf(200, "GET", "/v2/droplets")).containsOnly(200);
        }

        @Test
        void an_error_rate_of_one_half_fails_some_requests_but_not_all() {
            sandbox.applySettings(withFaults(0.5, 0, null));

            assertThat(statusesOf(200, "GET", "/v2/droplets")).contains(200, 500);
        }

        @Test
        void fail_create_with_status_fails_every_creation_but_nothing_else() {
            sandbox.applySettings(withFaults(0, 0, 422));

            assertThat(statusesOf(3, "POST", "/v2/droplets")).containsOnly(422);
            assertThat(sandbox.admit("POST", "/v2/droplets").fault()).hasValueSatisfying(
                    f -> assertThat(f.errorId()).isEqualTo("unprocessable_entity"));
            assertThat(statusesOf(3, "GET", "/v2/droplets")).containsOnly(200);
            assertThat(statusesOf(3, "POST", "/v2/droplets/510000001/actions")).containsOnly(200);
        }

        @Test
        void a_burst_is_consumed_before_the_error_rate_applies() {
            sandbox.applySettings(withFaults(1.0, 2, null));

            assertThat(statusesOf(3, "GET", "/v2/droplets")).containsExactly(429, 429, 500);
        }

        @Test
        void reset_removes_the_faults_and_the_droplets_but_keeps_the_delays() {
            sandbox.applySettings(new SandboxSettings(1, 2, 1.0, 5, 100, 500));
            sandbox.droplets().create(CreateDropletRequest.of("web", null, "s-1vcpu-1gb", "debian-12-x64"));

            sandbox.reset();

            assertThat(sandbox.settings()).isEqualTo(SandboxSettings.withoutFaults(1, 2));
            assertThat(sandbox.droplets().all()).isEmpty();
            assertThat(statusesOf(3, "POST", "/v2/droplets")).containsOnly(200);
        }

        @Test
        void settings_out_of_range_are_refused_as_bad_requests() {
            assertThatThrownBy(() -> new SandboxSettings(30, 5, 1.5, 0, 0, null))
                    .isInstanceOfSatisfying(DigitalOceanException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> new SandboxSettings(-1, 5, 0, 0, 0, null))
                    .isInstanceOf(DigitalOceanException.class);
            assertThatThrownBy(() -> new SandboxSettings(30, 5, 0, 0, 0, 200))
                    .isInstanceOf(DigitalOceanException.class);
        }

        @Test
        void the_delays_from_the_settings_apply_to_new_droplets() {
            sandbox.applySettings(SandboxSettings.withoutFaults(2, 1));

            long id = sandbox.droplets().create(CreateDropletRequest.of("web", null, "s-1vcpu-1gb", "debian-12-x64"))
                    .droplet().id();
            clock.advanceSeconds(2);

            assertThat(sandbox.droplets().get(id).status()).isEqualTo("active");
        }
    }

    @Nested
    class Authentication {

        @ParameterizedTest(name = "Authorization \"{0}\" is refused")
        @NullSource
        @ValueSource(strings = {"", "Basic dXNlcjpwYXNz", "Token abc", "Bearer", "Bearer    "})
        void a_request_without_a_bearer_token_is_unauthorized(String authorization) {
            assertThatThrownBy(() -> sandbox.authenticate(authorization))
                    .isInstanceOfSatisfying(DigitalOceanException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.errorId()).isEqualTo("unauthorized");
                        assertThat(e.getMessage()).isEqualTo("Unable to authenticate you.");
                    });
        }

        @ParameterizedTest(name = "Authorization \"{0}\" is accepted")
        @ValueSource(strings = {"Bearer sandbox-token", "bearer dop_v1_abc", "BEARER x"})
        void any_bearer_token_is_accepted(String authorization) {
            assertThatCode(() -> sandbox.authenticate(authorization)).doesNotThrowAnyException();
        }
    }

    @Nested
    class Switching_off {

        @Test
        void the_sandbox_is_on_without_a_real_token() {
            assertThat(sandbox.enabled()).isTrue();
        }

        @Test
        void a_blank_real_token_leaves_the_sandbox_on() {
            realToken.set("   ");

            assertThat(sandbox.enabled()).isTrue();
        }

        @Test
        void a_real_token_switches_the_sandbox_off_at_once() {
            realToken.set("dop_v1_real");

            assertThat(sandbox.enabled()).isFalse();
        }
    }

    @Nested
    class Rate_limit_headers {

        @Test
        void each_request_lowers_the_remaining_count() {
            RateLimitStatus first = sandbox.admit("GET", "/v2/droplets").rateLimit();
            RateLimitStatus second = sandbox.admit("GET", "/v2/droplets").rateLimit();

            assertThat(first.limit()).isEqualTo(5000);
            assertThat(first.remaining()).isEqualTo(4999);
            assertThat(second.remaining()).isEqualTo(4998);
        }

        @Test
        void the_reset_time_is_one_hour_after_the_oldest_counted_request() {
            long start = clock.instant().getEpochSecond();
            sandbox.admit("GET", "/v2/droplets");
            clock.advanceSeconds(600);

            RateLimitStatus status = sandbox.admit("GET", "/v2/droplets").rateLimit();

            assertThat(status.resetEpochSeconds()).isEqualTo(start + 3600);
        }

        @Test
        void requests_older_than_an_hour_no_longer_count() {
            sandbox.admit("GET", "/v2/droplets");
            clock.advance(Duration.ofMinutes(61));

            assertThat(sandbox.rateLimitStatus().remaining()).isEqualTo(5000);
        }
    }

    @Nested
    class Clock_control {

        @Test
        void advancing_the_sandbox_clock_skips_the_boot_delay() {
            long id = sandbox.droplets().create(CreateDropletRequest.of("web", null, "s-1vcpu-1gb", "debian-12-x64"))
                    .droplet().id();

            sandbox.advanceClock(Duration.ofSeconds(30));

            assertThat(sandbox.droplets().get(id).status()).isEqualTo("active");
            assertThat(sandbox.clock().offset()).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void the_clock_cannot_go_backwards() {
            assertThatThrownBy(() -> sandbox.advanceClock(Duration.ofSeconds(-1)))
                    .isInstanceOfSatisfying(DigitalOceanException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void only_a_post_to_the_droplets_collection_counts_as_a_creation() {
        assertThat(DigitalOceanSandbox.isCreation("POST", "/v2/droplets")).isTrue();
        assertThat(DigitalOceanSandbox.isCreation("post", "v2/droplets/")).isTrue();
        assertThat(DigitalOceanSandbox.isCreation("GET", "/v2/droplets")).isFalse();
        assertThat(DigitalOceanSandbox.isCreation("POST", "/v2/droplets/1/actions")).isFalse();
    }
}
