package id.webrana.cloud.domain.billing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceNumberTest {

    @Test
    void a_number_is_the_year_month_and_a_six_digit_sequence() {
        assertThat(InvoiceNumber.format("2026-11", 1)).isEqualTo("INV/2026/11/000001");
        assertThat(InvoiceNumber.format("2026-11", 42)).isEqualTo("INV/2026/11/000042");
        assertThat(InvoiceNumber.format("2027-01", 999_999)).isEqualTo("INV/2027/01/999999");
        assertThat(InvoiceNumber.format("2026-11", 1)).matches("INV/\\d{4}/\\d{2}/\\d{6}");
    }

    @Test
    void the_sequence_starts_at_one() {
        assertThatThrownBy(() -> InvoiceNumber.format("2026-11", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceNumber.format("2026-11", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} is in {1} in Jakarta")
    @CsvSource({
            "2026-11-30T16:59:59Z,       2026-11",
            "2026-11-30T17:00:00Z,       2026-12", // midnight in Jakarta (UTC+7) while still November in UTC
            "2026-12-31T16:59:59.999Z,   2026-12",
            "2026-12-31T17:00:00Z,       2027-01", // new year in Jakarta first
            "2026-11-01T00:00:00Z,       2026-11",
            "2026-10-31T17:00:00Z,       2026-11",
            "2026-10-31T16:59:59Z,       2026-10"})
    void the_month_is_the_calendar_month_in_jakarta(String instant, String period) {
        assertThat(InvoiceNumber.period(Instant.parse(instant))).isEqualTo(period);
    }

    @Test
    void the_first_invoice_after_jakarta_midnight_on_the_last_of_november_is_numbered_in_december() {
        Instant jakartaMidnight = Instant.parse("2026-11-30T17:00:00Z");

        assertThat(InvoiceNumber.format(InvoiceNumber.period(jakartaMidnight), 1)).isEqualTo("INV/2026/12/000001");
        assertThat(InvoiceNumber.format(InvoiceNumber.period(jakartaMidnight.minusSeconds(1)), 1))
                .isEqualTo("INV/2026/11/000001");
    }

    @Test
    void a_merchant_reference_is_the_number_with_dashes_and_the_attempt() {
        assertThat(InvoiceNumber.merchantRef("INV/2026/11/000042", 1)).isEqualTo("INV-2026-11-000042-1");
        assertThat(InvoiceNumber.merchantRef("INV/2026/11/000042", 2)).isEqualTo("INV-2026-11-000042-2");
        assertThat(InvoiceNumber.merchantRef("INV/2026/11/000042", 12)).isEqualTo("INV-2026-11-000042-12");
    }
}
