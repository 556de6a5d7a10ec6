package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.domain.catalog.Coupon;
import id.webrana.cloud.domain.shared.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrderChoicesTest {

    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq2m7Zp0d3yG8x3p5Vb1p2k budi@laptop";
    static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 ops";

    @Test
    void keys_are_read_one_per_line_without_blank_lines() {
        assertThat(OrderChoices.sshKeys(ED25519 + "\r\n\n  " + RSA + "  \n")).containsExactly(ED25519, RSA);
        assertThat(OrderChoices.sshKeys("  \n")).isEmpty();
        assertThat(OrderChoices.sshKeys(null)).isEmpty();
    }

    @Test
    void the_first_line_that_is_not_a_public_key_is_named() {
        assertThat(OrderChoices.firstBadKeyLine(ED25519 + "\n" + RSA)).isEmpty();
        assertThat(OrderChoices.firstBadKeyLine(ED25519 + "\n\nhello world\n" + RSA)).contains(3);
        assertThat(OrderChoices.firstBadKeyLine("ssh-ed25519")).contains(1);
        assertThat(OrderChoices.firstBadKeyLine("-----BEGIN OPENSSH PRIVATE KEY-----")).contains(1);
        assertThat(OrderChoices.firstBadKeyLine("ssh-ed25519 short")).contains(1);
    }

    @Test
    void a_coupon_refusal_is_explained_by_its_reason() {
        DomainException badFormat = catchThrowableOfType(() -> Coupon.normalize("x"), DomainException.class);
        assertThat(OrderChoices.couponReasonKey(badFormat.getMessage())).isEqualTo("order.coupon.format");
        assertThat(OrderChoices.couponReasonKey("Coupon NOPE does not exist")).isEqualTo("order.coupon.unknown");
        assertThat(OrderChoices.couponReasonKey("Coupon HEMAT10 has expired")).isEqualTo("order.coupon.expired");
        assertThat(OrderChoices.couponReasonKey("Coupon HEMAT10 is not valid for the DAILY billing period"))
                .isEqualTo("order.coupon.otherPeriod");
        assertThat(OrderChoices.couponReasonKey("Coupon HEMAT10 was already used the maximum number of times on "
                + "this account")).isEqualTo("order.coupon.usedByYou");
        assertThat(OrderChoices.couponReasonKey("something else")).isEqualTo("order.coupon.invalid");
    }

    @Test
    void only_known_periods_are_taken_from_a_link() {
        assertThat(OrderChoices.period("yearly")).contains("YEARLY");
        assertThat(OrderChoices.period(" MONTHLY ")).contains("MONTHLY");
        assertThat(OrderChoices.period("WEEKLY")).isEmpty();
        assertThat(OrderChoices.period(null)).isEmpty();
    }
}
