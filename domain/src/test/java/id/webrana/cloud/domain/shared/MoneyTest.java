package id.webrana.cloud.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void money_cannot_be_negative() {
        assertThatThrownBy(() -> Money.rupiah(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zero_is_a_valid_amount() {
        assertThat(Money.rupiah(0)).isEqualTo(Money.ZERO);
        assertThat(Money.ZERO.isZero()).isTrue();
    }

    @Test
    void subtracting_below_zero_is_refused_rather_than_clamped() {
        assertThatThrownBy(() -> Money.rupiah(100).minus(Money.rupiah(101)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.rupiah(100).minus(Money.rupiah(100))).isEqualTo(Money.ZERO);
    }

    @Test
    void adding_amounts_that_overflow_fails_loudly() {
        assertThatThrownBy(() -> Money.rupiah(Long.MAX_VALUE).plus(Money.rupiah(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThat(Money.rupiah(2).plus(Money.rupiah(3))).isEqualTo(Money.rupiah(5));
    }

    @Test
    void a_percentage_is_rounded_down_to_the_whole_rupiah() {
        assertThat(Money.rupiah(100).percentRoundedDown(33)).isEqualTo(Money.rupiah(33));
        assertThat(Money.rupiah(99).percentRoundedDown(33)).isEqualTo(Money.rupiah(32)); // 32.67
        assertThat(Money.rupiah(99).percentRoundedDown(1)).isEqualTo(Money.ZERO);       // 0.99
        assertThat(Money.rupiah(150_001).percentRoundedDown(10)).isEqualTo(Money.rupiah(15_000));
        assertThat(Money.rupiah(12_345).percentRoundedDown(100)).isEqualTo(Money.rupiah(12_345));
        assertThat(Money.rupiah(12_345).percentRoundedDown(0)).isEqualTo(Money.ZERO);
    }

    @Test
    void a_percentage_outside_0_to_100_is_refused() {
        assertThatThrownBy(() -> Money.rupiah(100).percentRoundedDown(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.rupiah(100).percentRoundedDown(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void at_most_gives_the_smaller_amount() {
        assertThat(Money.rupiah(5).atMost(Money.rupiah(3))).isEqualTo(Money.rupiah(3));
        assertThat(Money.rupiah(2).atMost(Money.rupiah(3))).isEqualTo(Money.rupiah(2));
    }

    @Test
    void amounts_compare_by_value() {
        assertThat(Money.rupiah(1).isLessThan(Money.rupiah(2))).isTrue();
        assertThat(Money.rupiah(2).isLessThan(Money.rupiah(2))).isFalse();
        assertThat(Money.rupiah(3)).isGreaterThan(Money.rupiah(2));
        assertThat(Money.rupiah(150_000)).hasToString("Rp 150000");
    }
}
