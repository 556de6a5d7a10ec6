package id.webrana.cloud.adapter.in.faces.support;

import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void money_is_rupiah_with_dots_and_ledger_movements_carry_their_sign() {
        assertThat(Formats.money(1_500_000)).isEqualTo("Rp 1.500.000");
        assertThat(Formats.money(-50_000)).isEqualTo("-Rp 50.000");
        assertThat(Formats.money(Money.rupiah(94_250))).isEqualTo("Rp 94.250");
        assertThat(Formats.money((Money) null)).isEqualTo("—");
        assertThat(Formats.signed(25_000)).isEqualTo("+Rp 25.000");
        assertThat(Formats.signed(-25_000)).isEqualTo("-Rp 25.000");
    }

    @Test
    void times_are_shown_in_jakarta_with_wib() {
        Instant utcEvening = Instant.parse("2026-11-23T20:30:00Z"); // 03:30 next day in Jakarta (UTC+7)
        assertThat(Formats.dateTime(utcEvening, Locale.forLanguageTag("id"))).isEqualTo("24 Nov 2026 03:30 WIB");
        assertThat(Formats.dateTime(Instant.parse("2026-08-17T03:00:00Z"), Locale.forLanguageTag("id")))
                .isEqualTo("17 Agu 2026 10:00 WIB");
        assertThat(Formats.dateTime(Instant.parse("2026-08-17T03:00:00Z"), Locale.ENGLISH))
                .isEqualTo("17 Aug 2026 10:00 WIB");
        assertThat(Formats.dateTime(null, Locale.ENGLISH)).isEqualTo("—");
    }
}
