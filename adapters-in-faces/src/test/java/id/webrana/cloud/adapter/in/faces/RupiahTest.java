package id.webrana.cloud.adapter.in.faces;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RupiahTest {

    @Test
    void rupiah_amounts_use_dots_between_thousands_and_no_decimals() {
        assertThat(Rupiah.format(0)).isEqualTo("Rp 0");
        assertThat(Rupiah.format(150_000)).isEqualTo("Rp 150.000");
        assertThat(Rupiah.format(1_500_000)).isEqualTo("Rp 1.500.000");
        assertThat(Rupiah.format(999)).isEqualTo("Rp 999");
    }
}
