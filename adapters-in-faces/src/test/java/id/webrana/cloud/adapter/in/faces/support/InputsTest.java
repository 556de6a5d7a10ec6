package id.webrana.cloud.adapter.in.faces.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InputsTest {

    @Test
    void user_ids_are_uuids_or_nothing() {
        UUID id = UUID.randomUUID();
        assertThat(Inputs.uuid(" " + id + " ")).contains(id);
        assertThat(Inputs.uuid("budi@example.id")).isEmpty();
        assertThat(Inputs.badUuid("budi@example.id")).isTrue();
        assertThat(Inputs.badUuid("")).isFalse();
        assertThat(Inputs.badUuid(id.toString())).isFalse();
    }

    @Test
    void a_date_filter_covers_the_whole_jakarta_day() {
        LocalDate day = LocalDate.of(2026, 11, 23);
        assertThat(Inputs.startOf(day)).isEqualTo(Instant.parse("2026-11-22T17:00:00Z"));
        assertThat(Inputs.endOf(day)).isEqualTo(Instant.parse("2026-11-23T17:00:00Z"));
        assertThat(Inputs.startOf(null)).isNull();
    }
}
