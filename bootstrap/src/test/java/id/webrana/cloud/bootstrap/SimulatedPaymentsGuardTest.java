package id.webrana.cloud.bootstrap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedPaymentsGuardTest {

    @Test
    void real_droplets_paid_by_the_simulator_are_refused_unless_explicitly_allowed() {
        assertThatThrownBy(() -> ApplicationStartup.refuseSimulatedPaymentsForRealServers(true, false, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("TRIPAY_API_KEY");
        assertThatCode(() -> ApplicationStartup.refuseSimulatedPaymentsForRealServers(true, false, true))
                .doesNotThrowAnyException();
        assertThatCode(() -> ApplicationStartup.refuseSimulatedPaymentsForRealServers(true, true, false))
                .doesNotThrowAnyException();
        assertThatCode(() -> ApplicationStartup.refuseSimulatedPaymentsForRealServers(false, false, false))
                .doesNotThrowAnyException(); // the embedded default: both simulated
    }
}
