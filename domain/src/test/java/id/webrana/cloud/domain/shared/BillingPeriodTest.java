package id.webrana.cloud.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BillingPeriodTest {

    @Test
    void period_names_are_parsed_case_insensitively_and_trimmed() {
        assertThat(BillingPeriod.parse("MONTHLY")).isEqualTo(BillingPeriod.MONTHLY);
        assertThat(BillingPeriod.parse("daily")).isEqualTo(BillingPeriod.DAILY);
        assertThat(BillingPeriod.parse(" Yearly ")).isEqualTo(BillingPeriod.YEARLY);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"weekly", "month", "1M", "  "})
    void an_unknown_period_is_refused_as_an_invalid_duration(String value) {
        assertThatThrownBy(() -> BillingPeriod.parse(value))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DURATION));
    }

    @Test
    void a_day_is_24_hours() {
        assertThat(BillingPeriod.DAILY.addTo(Instant.parse("2025-03-10T17:30:00Z")))
                .isEqualTo(Instant.parse("2025-03-11T17:30:00Z"));
    }

    @Test
    void a_month_is_a_calendar_month_in_utc() {
        assertThat(BillingPeriod.MONTHLY.addTo(Instant.parse("2025-01-15T08:00:00Z")))
                .isEqualTo(Instant.parse("2025-02-15T08:00:00Z"));
        // end of month clamps to the last day of the next month
        assertThat(BillingPeriod.MONTHLY.addTo(Instant.parse("2024-01-31T08:00:00Z")))
                .isEqualTo(Instant.parse("2024-02-29T08:00:00Z"));
        assertThat(BillingPeriod.MONTHLY.addTo(Instant.parse("2025-01-31T08:00:00Z")))
                .isEqualTo(Instant.parse("2025-02-28T08:00:00Z"));
    }

    @Test
    void a_year_is_a_calendar_year_in_utc() {
        assertThat(BillingPeriod.YEARLY.addTo(Instant.parse("2025-06-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(BillingPeriod.YEARLY.addTo(Instant.parse("2024-02-29T12:00:00Z")))
                .isEqualTo(Instant.parse("2025-02-28T12:00:00Z"));
    }
}
