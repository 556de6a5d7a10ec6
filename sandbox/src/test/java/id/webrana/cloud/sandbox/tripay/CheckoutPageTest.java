package id.webrana.cloud.sandbox.tripay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CheckoutPageTest {

    private static final TripayUrls URLS = new TripayUrls("http://localhost:9080/sandbox/");
    private static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");

    private static Transaction transaction(String code, String customer, String returnUrl) {
        ChannelSpec c = Channels.builtIn().find(code).orElseThrow();
        return new Transaction("DEV-T26000000001ABCDE", "INV-1", c, customer, "b@x.id", null, null, returnUrl,
                85_000, c.fees(85_000), c.payCodePrefix() == null ? null : "2621500000000001",
                code.equals("QRIS") ? Qris.payload("DEV-T26000000001ABCDE", 86_345) : null,
                List.of(new OrderItem(null, customer, 85_000, 1, null, null)), TransactionStatus.UNPAID, NOW,
                NOW.plusSeconds(3725), null, null);
    }

    @Test
    void an_unpaid_page_shows_the_amounts_in_rupiah_the_va_number_the_countdown_and_the_three_buttons() {
        String html = CheckoutPage.render(transaction("BRIVA", "Budi", null), URLS, "T-SANDBOX", NOW);

        assertThat(html).contains("<html lang=\"id\">", "<span id=\"amount\">Rp 85.000</span>",
                "<span id=\"fee\">Rp 4.250</span>", "<strong id=\"total\">Rp 89.250</strong>",
                "<div id=\"pay-code\" class=\"code\">2621500000000001</div>",
                "data-status=\"UNPAID\"", "id=\"countdown\"", ">01:02:05<",
                "action=\"http://localhost:9080/sandbox/tripay/checkout/DEV-T26000000001ABCDE/pay\"",
                "<button id=\"pay\" class=\"pay\" type=\"submit\">Bayar</button>",
                "<button id=\"expire\" class=\"expire\" type=\"submit\">Kedaluwarsa</button>",
                "<button id=\"fail\" class=\"fail\" type=\"submit\">Gagal</button>");
        assertThat(html).doesNotContain("id=\"return\"");
    }

    @Test
    void a_qris_page_shows_the_code_as_inline_svg_and_the_payload() {
        String html = CheckoutPage.render(transaction("QRIS", "Budi", null), URLS, "T-SANDBOX", NOW);

        assertThat(html).contains("<div id=\"qr\" class=\"qr\"><svg", "<pre id=\"qr-string\">000201010212");
    }

    @Test
    void customer_text_is_escaped() {
        String html = CheckoutPage.render(transaction("BRIVA", "<script>alert(1)</script>", null), URLS, "T", NOW);

        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void a_paid_page_has_no_buttons_and_links_back_to_the_merchant_with_tripay_parameters() {
        Transaction paid = transaction("BCAVA", "Budi", "https://webrana.id/app/invoices/7?tab=pay#top")
                .settle(TransactionStatus.PAID, NOW);

        String html = CheckoutPage.render(paid, URLS, "T-SANDBOX", NOW);

        assertThat(html).contains("data-status=\"PAID\"", "Pembayaran berhasil", "<strong id=\"total\">Rp 85.000</strong>",
                "<a id=\"return\" class=\"button\" href=\"https://webrana.id/app/invoices/7?tab=pay&amp;"
                        + "tripay_merchant_ref=INV-1&amp;tripay_reference=DEV-T26000000001ABCDE#top\"");
        assertThat(html).doesNotContain("id=\"pay\"", "id=\"fee\"");
    }
}
