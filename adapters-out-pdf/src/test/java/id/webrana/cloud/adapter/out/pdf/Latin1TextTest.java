package id.webrana.cloud.adapter.out.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Latin1TextTest {

    @Test
    void latin1_text_is_kept_as_it_is() {
        assertThat(Latin1Text.clean("Jl. Sudirman No. 1, Café Ñandú ©")).isEqualTo("Jl. Sudirman No. 1, Café Ñandú ©");
    }

    @Test
    void typographic_punctuation_becomes_its_ascii_look_alike() {
        assertThat(Latin1Text.clean("Toko \u201cMaju\u201d \u2014 Jaya\u2019s 10\u201320\u2026"))
                .isEqualTo("Toko \"Maju\" - Jaya's 10-20...");
    }

    @Test
    void accented_letters_outside_latin1_lose_their_accents() {
        assertThat(Latin1Text.clean("Nguy\u1EC5n V\u0103n \u0110\u1EE9c, \u0141\u00F3d\u017A")).isEqualTo("Nguyen Van Duc, Lódz");
    }

    @Test
    void characters_without_a_latin1_form_become_a_question_mark() {
        assertThat(Latin1Text.clean("OK \uD83D\uDE80 \u6771\u4EAC")).isEqualTo("OK ? ??");
    }

    @Test
    void control_characters_disappear_but_line_feeds_and_tabs_survive_as_whitespace() {
        assertThat(Latin1Text.clean("a\r\nb\tc\u0007d\u200Be\u00A0f")).isEqualTo("a\nb cde\u00A0f");
    }

    @Test
    void null_becomes_empty() {
        assertThat(Latin1Text.clean(null)).isEmpty();
    }
}
