package id.webrana.cloud.adapter.out.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JakartaDateTimeTest {

    @Test
    void an_instant_is_shown_in_jakarta_time_with_the_WIB_suffix() {
        assertThat(JakartaDateTime.format(Instant.parse("2026-11-23T03:15:00Z")))
                .isEqualTo("23 November 2026 10:15 WIB");
    }

    @Test
    void late_utc_evening_is_already_the_next_day_and_year_in_jakarta() {
        assertThat(JakartaDateTime.format(Instant.parse("2026-12-31T17:05:00Z")))
                .isEqualTo("1 Januari 2027 00:05 WIB");
    }

    @ParameterizedTest(name = "month {0} is {1}")
    @CsvSource({
        "01, Januari", "02, Februari", "03, Maret", "04, April", "05, Mei", "06, Juni",
        "07, Juli", "08, Agustus", "09, September", "10, Oktober", "11, November", "12, Desember",
    })
    void every_month_has_its_indonesian_name(String month, String name) {
        Instant midday = Instant.parse("2026-" + month + "-15T05:00:00Z");
        assertThat(JakartaDateTime.format(midday)).isEqualTo("15 " + name + " 2026 12:00 WIB");
    }

    @Test
    void null_is_rejected() {
        assertThatNullPointerException().isThrownBy(() -> JakartaDateTime.format(null));
    }
}
