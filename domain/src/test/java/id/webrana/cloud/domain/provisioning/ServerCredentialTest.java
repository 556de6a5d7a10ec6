package id.webrana.cloud.domain.provisioning;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerCredentialTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void the_initial_password_is_shown_once_and_then_forgotten() {
        ServerCredential c = ServerCredential.initial(UUID.randomUUID(), "Rahasia-123", NOW);
        assertThat(c.reveal(NOW)).isEqualTo("Rahasia-123");
        assertThat(c.secret()).isNull();
        assertThatThrownBy(() -> c.reveal(NOW)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PASSWORD_ALREADY_SHOWN));
    }

    @Test
    void a_reset_password_is_kept_only_until_the_agent_fetched_it() {
        ServerCredential c = ServerCredential.reset(UUID.randomUUID(), UUID.randomUUID(), "Baru-456", NOW);
        assertThat(c.isPendingDelivery()).isTrue();
        assertThat(c.deliver(NOW)).isEqualTo("Baru-456");
        assertThat(c.secret()).isNull();
        assertThat(c.isPendingDelivery()).isFalse();
        assertThatThrownBy(() -> c.deliver(NOW)).isInstanceOf(IllegalStateException.class);
    }
}
