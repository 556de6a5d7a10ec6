package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.domain.billing.PaymentChannel;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceRowsTest {

    @Test
    void a_channel_shows_its_fee_and_the_total_for_the_invoice() {
        PaymentChannel briva = new PaymentChannel("BRIVA", "BRI Virtual Account", "Virtual Account", false,
                Money.rupiah(4_250), BigDecimal.ZERO, null, null, null, null, null);
        PaymentChannel qris = new PaymentChannel("QRIS", "QRIS", "E-Wallet", false, Money.rupiah(750),
                new BigDecimal("0.70"), null, null, null, null, null);

        InvoiceRows.ChannelRow b = InvoiceRows.channel(briva, Money.rupiah(90_000));
        assertThat(b.fee()).isEqualTo("Rp 4.250");
        assertThat(b.total()).isEqualTo("Rp 94.250");
        InvoiceRows.ChannelRow q = InvoiceRows.channel(qris, Money.rupiah(90_000));
        assertThat(q.fee()).isEqualTo("Rp 1.380"); // 750 + 0.7 % of 90.000
        assertThat(q.total()).isEqualTo("Rp 91.380");
    }

    @Test
    void gateway_instructions_lose_their_markup() {
        assertThat(InvoiceRows.plain("Masukkan <b>nomor VA</b>&nbsp;Anda &amp; tekan <i>OK</i>"))
                .isEqualTo("Masukkan nomor VA Anda & tekan OK");
        assertThat(InvoiceRows.plain("<script>alert(1)</script>Bayar")).isEqualTo("alert(1)Bayar");
        assertThat(InvoiceRows.plain(null)).isEmpty();
    }
}
