package id.webrana.cloud.domain.shared;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    @Test
    void a_page_request_knows_its_offset() {
        assertThat(new PageRequest(2, 20).offset()).isEqualTo(40);
    }

    @Test
    void negative_pages_and_sizes_outside_1_to_100_are_refused() {
        assertThatThrownBy(() -> new PageRequest(-1, 10)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new PageRequest(0, 0)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new PageRequest(0, 101)).isInstanceOf(DomainException.class);
        assertThat(new PageRequest(0, 100).size()).isEqualTo(100);
    }

    @Test
    void a_page_maps_its_items_and_keeps_its_position() {
        Page<Integer> page = new Page<>(List.of(1, 2), 3, 2, 9);
        Page<String> mapped = page.map(i -> "#" + i);
        assertThat(mapped.items()).containsExactly("#1", "#2");
        assertThat(mapped.page()).isEqualTo(3);
        assertThat(mapped.total()).isEqualTo(9);
    }

    @Test
    void every_error_code_has_a_kind() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.kind()).as(code.name()).isNotNull();
        }
        assertThat(ErrorCode.PAYMENT_STATUS_CONFLICT.kind()).isEqualTo(ErrorCode.Kind.CONFLICT);
        assertThat(ErrorCode.ORDER_ACCESS_DENIED.kind()).isEqualTo(ErrorCode.Kind.FORBIDDEN);
    }
}
