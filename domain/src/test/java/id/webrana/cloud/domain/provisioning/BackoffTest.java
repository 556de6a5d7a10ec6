package id.webrana.cloud.domain.provisioning;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60));

    @Test
    void the_delay_doubles_with_each_attempt() {
        assertThat(backoff.delayFor(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayFor(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayFor(2)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delayFor(4)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void the_delay_is_capped() {
        assertThat(backoff.delayFor(5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayFor(1_000)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayFor(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void a_negative_attempt_counts_as_the_first() {
        assertThat(backoff.delayFor(-3)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void a_longer_delay_asked_for_by_the_provider_wins() {
        assertThat(backoff.delayFor(0, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        // even beyond the cap: the provider's rate limit is authoritative
        assertThat(backoff.delayFor(0, Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_shorter_or_missing_provider_delay_does_not_shorten_the_backoff() {
        assertThat(backoff.delayFor(3, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delayFor(3, null)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void the_initial_delay_must_be_positive_and_not_above_the_cap() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
