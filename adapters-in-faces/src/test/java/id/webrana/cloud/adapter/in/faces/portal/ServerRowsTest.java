package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.application.port.in.InstancesUseCase.InstanceDetails;
import id.webrana.cloud.domain.provisioning.ActionType;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.InstanceAction;
import id.webrana.cloud.domain.provisioning.InstanceEvent;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ServerRowsTest {

    static final Instant NOW = Instant.parse("2026-11-23T04:05:00Z");
    static final Locale ID = Locale.forLanguageTag("id");
    static final Actor CUSTOMER = new Actor(Actor.Type.CUSTOMER, UUID.randomUUID().toString());

    static Instance instance(Instance.Status status, Instance.Suspension suspension, String reason) {
        return new Instance(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "DIGITALOCEAN", "4711", "web-1",
                "sgp1", "s-1vcpu-1gb", "ubuntu-24-04-x64", "10.0.0.7", null, status, NOW, NOW,
                Instant.parse("2026-12-23T04:05:00Z"), BillingPeriod.MONTHLY, Money.rupiah(90_000), false, suspension,
                suspension == null ? null : NOW, null, reason, NOW, "hash", 0);
    }

    static InstanceAction action(ActionType type, InstanceAction.Status status, Instant completedAt) {
        return new InstanceAction(UUID.randomUUID(), UUID.randomUUID(), type, status, "99", CUSTOMER,
                NOW.minusSeconds(60), completedAt, null, 0);
    }

    static InstanceDetails details(Instance i, String power, List<InstanceAction> actions) {
        return new InstanceDetails(i, "Basic 1 GB", "Ubuntu 24.04", 1, 1024, 25, power, NOW, actions,
                List.of(InstanceEvent.of(i.id(), "CREATED", Actor.system("provisioning"), null, null, NOW)), false,
                "AGENT", true, null, NOW.plusSeconds(86_400 * 33), null);
    }

    @Test
    void a_running_action_keeps_the_page_polling() {
        Instance i = instance(Instance.Status.ACTIVE, null, null);
        InstanceDetails d = details(i, "ACTIVE", List.of(action(ActionType.REBOOT, InstanceAction.Status.IN_PROGRESS, null)));
        assertThat(ServerRows.needsWatching(d, NOW)).isTrue();
    }

    @Test
    void a_power_off_just_completed_is_watched_until_the_power_state_shows_off() {
        Instance i = instance(Instance.Status.ACTIVE, null, null);
        InstanceAction off = action(ActionType.POWER_OFF, InstanceAction.Status.COMPLETED, NOW.minusSeconds(5));
        assertThat(ServerRows.needsWatching(details(i, "ACTIVE", List.of(off)), NOW)).isTrue();
        assertThat(ServerRows.needsWatching(details(i, "OFF", List.of(off)), NOW)).isFalse();
        assertThat(ServerRows.needsWatching(details(i, "ACTIVE", List.of(off)), NOW.plusSeconds(120)))
                .as("the provider never caught up: stop polling after a while").isFalse();
    }

    @Test
    void a_reset_password_or_an_errored_action_does_not_wait_for_a_power_state() {
        Instance i = instance(Instance.Status.ACTIVE, null, null);
        InstanceAction reset = action(ActionType.RESET_PASSWORD, InstanceAction.Status.COMPLETED, NOW);
        InstanceAction failed = action(ActionType.POWER_OFF, InstanceAction.Status.ERRORED, NOW);
        assertThat(ServerRows.needsWatching(details(i, "ACTIVE", List.of(reset, failed)), NOW)).isFalse();
    }

    @Test
    void a_terminated_server_is_never_watched() {
        Instance i = instance(Instance.Status.TERMINATED, null, "abuse");
        InstanceDetails d = details(i, "DESTROYED", List.of(action(ActionType.REBOOT, InstanceAction.Status.IN_PROGRESS, null)));
        assertThat(ServerRows.needsWatching(d, NOW)).isFalse();
    }

    @Test
    void the_fingerprint_changes_when_an_action_ends_or_the_power_state_changes() {
        Instance i = instance(Instance.Status.ACTIVE, null, null);
        InstanceAction running = action(ActionType.REBOOT, InstanceAction.Status.IN_PROGRESS, null);
        String before = ServerRows.fingerprint(details(i, "ACTIVE", List.of(running)));
        running.complete(NOW);
        assertThat(ServerRows.fingerprint(details(i, "ACTIVE", List.of(running)))).isNotEqualTo(before);
        assertThat(ServerRows.fingerprint(details(i, "OFF", List.of(running))))
                .isNotEqualTo(ServerRows.fingerprint(details(i, "ACTIVE", List.of(running))));
    }

    @Test
    void a_suspended_server_shows_why_in_indonesian_with_times_in_wib() {
        Instance i = instance(Instance.Status.SUSPENDED, Instance.Suspension.OPERATOR, "laporan penyalahgunaan");
        ServerRows.ServerView v = ServerRows.view(details(i, "OFF", List.of()), ID);
        assertThat(v.statusLabel()).isEqualTo("DITANGGUHKAN");
        assertThat(v.isSuspended()).isTrue();
        assertThat(v.isActive()).isFalse();
        assertThat(v.suspension()).isEqualTo("Oleh admin");
        assertThat(v.statusReason()).isEqualTo("laporan penyalahgunaan");
        assertThat(v.powerStateLabel()).isEqualTo("MATI");
        assertThat(v.expires()).isEqualTo("23 Des 2026 11:05 WIB");
        assertThat(v.renewalPrice()).isEqualTo("Rp 90.000");
        assertThat(v.memory()).isEqualTo("1 GB");
        assertThat(v.hasRenewalInvoice()).isFalse();
        assertThat(v.ipv6()).isEqualTo("—");
    }

    @Test
    void memory_is_shown_in_megabytes_or_gigabytes() {
        assertThat(ServerRows.memory(512, ID)).isEqualTo("512 MB");
        assertThat(ServerRows.memory(2048, ID)).isEqualTo("2 GB");
        assertThat(ServerRows.memory(1536, ID)).isEqualTo("1,5 GB");
        assertThat(ServerRows.memory(0, ID)).isEqualTo("—");
    }

    @Test
    void history_lines_name_the_event_and_who_did_it() {
        UUID admin = UUID.randomUUID();
        ServerRows.EventRow suspended = ServerRows.event(InstanceEvent.of(UUID.randomUUID(), "SUSPENDED",
                new Actor(Actor.Type.ADMIN, admin.toString()), "abuse report", null, NOW), ID);
        assertThat(suspended.typeLabel()).isEqualTo("Ditangguhkan");
        assertThat(suspended.actor()).isEqualTo("Admin " + admin);
        assertThat(suspended.detail()).isEqualTo("abuse report");
        ServerRows.EventRow unknown = ServerRows.event(InstanceEvent.of(UUID.randomUUID(), "SOMETHING_NEW",
                Actor.system("lifecycle"), null, null, NOW), ID);
        assertThat(unknown.typeLabel()).isEqualTo("SOMETHING_NEW");
        assertThat(unknown.actor()).isEqualTo("Sistem (lifecycle)");
        assertThat(ServerRows.event(InstanceEvent.of(UUID.randomUUID(), "SUSPENDED", Actor.system("lifecycle"),
                null, null, NOW), Locale.ENGLISH).typeLabel()).isEqualTo("Suspended");
    }

    @Test
    void a_console_url_cannot_break_out_of_the_script_string() {
        assertThat(ServerPage.jsString("https://x/?a='b'</script>")).isEqualTo(
                "'https://x/?a=\\u0027b\\u0027\\u003c/script\\u003e'");
    }
}
