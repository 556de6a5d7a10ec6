package id.webrana.cloud.domain.order;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostnameTest {

    @ParameterizedTest
    @ValueSource(strings = {"web-1", "api.example.id", "a", "WEB01", "x1.y2.z3", "db-primary-01.jkt.webrana.id"})
    void a_valid_host_name_is_accepted(String value) {
        assertThat(new Hostname(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "-web", "web-", "web_1", "a..b", ".web", "web.", "web 1", "wéb", "web/1", "api.-x.id"})
    void an_invalid_host_name_is_refused(String value) {
        assertThatThrownBy(() -> new Hostname(value))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_HOSTNAME));
    }

    @Test
    void a_label_may_have_63_characters_but_not_64() {
        assertThat(new Hostname("a".repeat(63)).value()).hasSize(63);
        assertThatThrownBy(() -> new Hostname("a".repeat(64)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_HOSTNAME));
        assertThatThrownBy(() -> new Hostname("api." + "b".repeat(64) + ".id"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void a_host_name_may_have_253_characters_but_not_254() {
        assertThat(new Hostname(labels(253)).value()).hasSize(253);
        assertThatThrownBy(() -> new Hostname(labels(254)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_HOSTNAME));
    }

    @Test
    void surrounding_whitespace_is_trimmed() {
        assertThat(new Hostname("  web-1 ").value()).isEqualTo("web-1");
        assertThat(new Hostname("web-1")).hasToString("web-1");
    }

    /** Dot-separated labels of at most 63 characters, {@code length} characters in all. */
    private static String labels(int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            int label = Math.min(63, length - sb.length());
            sb.append("a".repeat(Math.max(label, 1)));
        }
        return sb.toString();
    }

}
