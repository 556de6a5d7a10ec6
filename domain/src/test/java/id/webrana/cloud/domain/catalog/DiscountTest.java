package id.webrana.cloud.domain.catalog;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscountTest {

    @Test
    void a_percent_discount_is_rounded_down() {
        assertThat(Discount.percent(15).on(Money.rupiah(99_999))).isEqualTo(Money.rupiah(14_999));
    }

    @Test
    void a_fixed_discount_never_exceeds_the_amount() {
        assertThat(Discount.fixed(50_000).on(Money.rupiah(30_000))).isEqualTo(Money.rupiah(30_000));
        assertThat(Discount.fixed(10_000).on(Money.rupiah(30_000))).isEqualTo(Money.rupiah(10_000));
    }

    @Test
    void a_percent_must_be_1_to_100_and_a_fixed_amount_at_least_1() {
        assertThatThrownBy(() -> Discount.percent(0)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
        assertThatThrownBy(() -> Discount.percent(101)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Discount.fixed(0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Discount(null, 5)).isInstanceOf(DomainException.class);
        assertThat(Discount.percent(100).on(Money.rupiah(7))).isEqualTo(Money.rupiah(7));
    }

    @Test
    void a_discount_type_is_read_in_any_case_and_anything_else_is_refused_on_its_field() {
        assertThat(Discount.of(" percent ", 10)).isEqualTo(Discount.percent(10));
        assertThat(Discount.of("FIXED", 5_000)).isEqualTo(Discount.fixed(5_000));
        for (String bad : new String[] {null, "", "GRATIS"}) {
            assertThatThrownBy(() -> Discount.of(bad, 10)).isInstanceOfSatisfying(CatalogViolation.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                assertThat(e.field()).isEqualTo("discountType");
                assertThat(e.rule()).isEqualTo(CatalogViolation.Rule.DISCOUNT_TYPE);
            });
        }
        assertThatThrownBy(() -> Discount.of("PERCENT", 101)).isInstanceOfSatisfying(CatalogViolation.class,
                e -> assertThat(e.field()).isEqualTo("discountValue"));
        assertThatThrownBy(() -> Discount.of("FIXED", -1)).isInstanceOfSatisfying(CatalogViolation.class,
                e -> assertThat(e.rule()).isEqualTo(CatalogViolation.Rule.FIXED_TOO_LOW));
    }
}
