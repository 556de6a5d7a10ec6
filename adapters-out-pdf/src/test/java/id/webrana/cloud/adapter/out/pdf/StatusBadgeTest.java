package id.webrana.cloud.adapter.out.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusBadgeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "UNPAID, BELUM DIBAYAR", "PAID, LUNAS", "EXPIRED, KEDALUWARSA", "FAILED, GAGAL",
        "REFUNDED, DIKEMBALIKAN", "paid, LUNAS", "' Unpaid ', BELUM DIBAYAR",
    })
    void each_status_has_an_indonesian_label(String status, String label) {
        assertThat(StatusBadge.labelOf(status)).isEqualTo(label);
    }

    @Test
    void an_unknown_status_is_shown_upper_cased_in_a_neutral_colour() {
        assertThat(StatusBadge.labelOf("on_hold")).isEqualTo("ON_HOLD");
        assertThat(StatusBadge.colorOf("on_hold")).isEqualTo(StatusBadge.UNKNOWN_COLOR);
        assertThat(StatusBadge.labelOf(null)).isEmpty();
    }

    @Test
    void paid_and_failed_are_told_apart_by_colour() {
        assertThat(StatusBadge.colorOf("PAID")).isNotEqualTo(StatusBadge.colorOf("FAILED"));
    }
}
