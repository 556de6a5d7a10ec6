package id.webrana.cloud.adapter.in.faces.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTest {

    @Test
    void the_switch_link_keeps_the_query_and_replaces_only_the_language() {
        assertThat(Language.withLang(null, "en")).isEqualTo("lang=en");
        assertThat(Language.withLang("id=42&returned=1", "en")).isEqualTo("id=42&returned=1&lang=en");
        assertThat(Language.withLang("lang=en&id=42", "id")).isEqualTo("id=42&lang=id");
        assertThat(Language.withLang("id=42", "fr")).isEqualTo("id=42&lang=id");
    }
}
