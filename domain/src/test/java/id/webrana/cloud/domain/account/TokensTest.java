package id.webrana.cloud.domain.account;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokensTest {

    private static final Instant NOW = Instant.parse("2025-05-01T03:00:00Z");
    private static final UUID USER = UUID.randomUUID();

    @Test
    void a_fresh_refresh_token_is_neither_spent_nor_expired() {
        RefreshToken token = RefreshToken.issue(USER, UUID.randomUUID(), "h", NOW, NOW.plus(Duration.ofDays(7)));
        assertThat(token.isSpent()).isFalse();
        assertThat(token.isExpired(NOW)).isFalse();
    }

    @Test
    void a_refresh_token_expires_at_its_expiry_instant() {
        RefreshToken token = RefreshToken.issue(USER, UUID.randomUUID(), "h", NOW, NOW.plus(Duration.ofDays(7)));
        assertThat(token.isExpired(NOW.plus(Duration.ofDays(7)).minusMillis(1))).isFalse();
        assertThat(token.isExpired(NOW.plus(Duration.ofDays(7)))).isTrue();
    }

    @Test
    void a_rotated_refresh_token_is_spent() {
        RefreshToken token = RefreshToken.issue(USER, UUID.randomUUID(), "h", NOW, NOW.plus(Duration.ofDays(7)));
        token.markRotated(NOW.plusSeconds(5));
        assertThat(token.isSpent()).isTrue();
        assertThat(token.rotatedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void a_revoked_refresh_token_is_spent_and_keeps_its_first_revocation_time() {
        RefreshToken token = RefreshToken.issue(USER, UUID.randomUUID(), "h", NOW, NOW.plus(Duration.ofDays(7)));
        token.revoke(NOW.plusSeconds(5));
        token.revoke(NOW.plusSeconds(9));
        assertThat(token.isSpent()).isTrue();
        assertThat(token.revokedAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void a_one_time_token_can_be_used_once() {
        OneTimeToken token = OneTimeToken.issue(USER, OneTimeToken.Purpose.PASSWORD_RESET, "h", NOW.plusSeconds(3600));
        token.consume(OneTimeToken.Purpose.PASSWORD_RESET, NOW);
        assertThat(token.usedAt()).isEqualTo(NOW);

        assertThatThrownBy(() -> token.consume(OneTimeToken.Purpose.PASSWORD_RESET, NOW.plusSeconds(1)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TOKEN));
        assertThat(token.usedAt()).isEqualTo(NOW);
    }

    @Test
    void an_expired_one_time_token_is_refused() {
        OneTimeToken token = OneTimeToken.issue(USER, OneTimeToken.Purpose.PASSWORD_RESET, "h", NOW.plusSeconds(3600));
        assertThatThrownBy(() -> token.consume(OneTimeToken.Purpose.PASSWORD_RESET, NOW.plusSeconds(3600)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TOKEN));
        assertThat(token.usedAt()).isNull();
    }

    @Test
    void a_one_time_token_for_another_purpose_is_refused() {
        OneTimeToken token = OneTimeToken.issue(USER, OneTimeToken.Purpose.EMAIL_VERIFICATION, "h",
                NOW.plusSeconds(3600));
        assertThatThrownBy(() -> token.consume(OneTimeToken.Purpose.PASSWORD_RESET, NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TOKEN));
        token.consume(OneTimeToken.Purpose.EMAIL_VERIFICATION, NOW);
        assertThat(token.usedAt()).isEqualTo(NOW);
    }
}
