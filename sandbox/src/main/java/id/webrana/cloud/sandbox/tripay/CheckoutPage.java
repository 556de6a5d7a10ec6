package id.webrana.cloud.sandbox.tripay;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The simulated Tripay checkout page ({@code checkout_url}), in Bahasa Indonesia: order lines, amount, fee and total
 * in rupiah ({@code Rp 1.500.000}), the VA number / payment code or the QRIS code (inline SVG plus the payload text),
 * the time left, the payment instructions and, while UNPAID, three sandbox buttons that POST a form:
 * {@code #pay} "Bayar", {@code #expire} "Kedaluwarsa" and {@code #fail} "Gagal". Once the transaction is final the
 * page shows the outcome and a link {@code #return} back to the merchant's {@code return_url} (with
 * {@code tripay_merchant_ref} and {@code tripay_reference} appended, as Tripay does). Stable element ids for browser
 * tests: {@code status} (with {@code data-status}), {@code reference}, {@code amount}, {@code fee}, {@code total},
 * {@code pay-code}, {@code qr}, {@code qr-string}, {@code countdown}, {@code pay}, {@code expire}, {@code fail},
 * {@code return}.
 */
public final class CheckoutPage {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter WHEN = DateTimeFormatter
            .ofPattern("d MMMM yyyy, HH:mm", Locale.forLanguageTag("id")).withZone(JAKARTA);

    private CheckoutPage() {
    }

    /**
     * @param t the transaction
     * @param urls the sandbox URLs (the forms post to {@code <checkout_url>/pay|expire|fail})
     * @param merchantCode the merchant code shown in the header
     * @param now the simulation time (for the countdown)
     * @return the HTML document
     */
    public static String render(Transaction t, TripayUrls urls, String merchantCode, Instant now) {
        ChannelSpec c = t.channel();
        String checkout = urls.checkout(t.reference());
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Pembayaran ").append(Html.escape(t.reference())).append(" · Tripay Sandbox</title>\n")
                .append(STYLE)
                .append("</head>\n<body>\n")
                .append("<div class=\"sandbox\">Mode Sandbox WeBrana — simulasi Tripay, tidak ada uang sungguhan.</div>\n")
                .append("<main>\n<h1>Checkout Pembayaran</h1>\n")
                .append("<p class=\"meta\">Merchant <b>").append(Html.escape(merchantCode))
                .append("</b> · Referensi <code id=\"reference\">").append(Html.escape(t.reference()))
                .append("</code> · No. Invoice <code id=\"merchant-ref\">").append(Html.escape(t.merchantRef()))
                .append("</code></p>\n")
                .append("<p>Status: <span id=\"status\" data-status=\"").append(t.status().name())
                .append("\" class=\"status ").append(t.status().name().toLowerCase(Locale.ROOT)).append("\">")
                .append(statusText(t.status())).append("</span></p>\n");

        h.append("<section>\n<h2>Rincian Pesanan</h2>\n<table>\n")
                .append("<tr><th>Produk</th><th class=\"num\">Jumlah</th><th class=\"num\">Subtotal</th></tr>\n");
        for (OrderItem i : t.orderItems()) {
            h.append("<tr><td>").append(Html.escape(i.name())).append("</td><td class=\"num\">").append(i.quantity())
                    .append(" × ").append(Rupiah.format(i.price())).append("</td><td class=\"num\">")
                    .append(Rupiah.format(i.subtotal())).append("</td></tr>\n");
        }
        h.append("<tr class=\"sum\"><td colspan=\"2\">Harga pesanan</td><td class=\"num\"><span id=\"amount\">")
                .append(Rupiah.format(t.amount())).append("</span></td></tr>\n");
        if (t.fees().customer() > 0) {
            h.append("<tr><td colspan=\"2\">Biaya layanan</td><td class=\"num\"><span id=\"fee\">")
                    .append(Rupiah.format(t.fees().customer())).append("</span></td></tr>\n");
        }
        h.append("<tr class=\"total\"><td colspan=\"2\">Total pembayaran</td><td class=\"num\"><strong id=\"total\">")
                .append(Rupiah.format(t.payableAmount())).append("</strong></td></tr>\n</table>\n</section>\n");

        h.append("<section>\n<h2>").append(Html.escape(c.name())).append("</h2>\n");
        switch (c.kind()) {
            case VIRTUAL_ACCOUNT -> h.append("<p>Nomor Virtual Account</p>\n<div id=\"pay-code\" class=\"code\">")
                    .append(Html.escape(t.payCode())).append("</div>\n");
            case CONVENIENCE_STORE -> h.append("<p>Kode Pembayaran untuk kasir ").append(Html.escape(c.name()))
                    .append("</p>\n<div id=\"pay-code\" class=\"code\">").append(Html.escape(t.payCode())).append("</div>\n");
            case QRIS -> h.append("<p>Pindai kode QR berikut dengan aplikasi yang mendukung QRIS.</p>\n<div id=\"qr\" class=\"qr\">")
                    .append(QrCode.encodeText(t.qrString(), QrCode.Ecc.MEDIUM).toSvg(4))
                    .append("</div>\n<p>Data QRIS:</p>\n<pre id=\"qr-string\">").append(Html.escape(t.qrString()))
                    .append("</pre>\n");
            case EWALLET -> h.append("<p>Pembayaran dengan ").append(Html.escape(c.name()))
                    .append(". Di sandbox, gunakan tombol <b>Bayar</b> di bawah untuk menyimulasikan konfirmasi di aplikasi.</p>\n");
        }
        h.append("</section>\n");

        if (t.status() == TransactionStatus.UNPAID) {
            h.append("<section>\n<p>Bayar sebelum <b>").append(WHEN.format(t.expiresAt()))
                    .append(" WIB</b> — sisa waktu <span id=\"countdown\" data-expires=\"")
                    .append(t.expiresAt().getEpochSecond()).append("\" data-now=\"").append(now.getEpochSecond())
                    .append("\">").append(remaining(t.expiresAt().getEpochSecond() - now.getEpochSecond()))
                    .append("</span></p>\n<div class=\"actions\">\n")
                    .append(button(checkout, "pay", "Bayar"))
                    .append(button(checkout, "expire", "Kedaluwarsa"))
                    .append(button(checkout, "fail", "Gagal"))
                    .append("</div>\n<p class=\"hint\">Tombol sandbox: <b>Bayar</b> menyimulasikan pelanggan membayar, ")
                    .append("<b>Kedaluwarsa</b> waktu pembayaran habis, <b>Gagal</b> pembayaran gagal. ")
                    .append("Tripay lalu mengirim callback ke merchant.</p>\n</section>\n");
        } else {
            h.append("<section class=\"outcome ").append(t.status().name().toLowerCase(Locale.ROOT)).append("\">\n<p>")
                    .append(outcomeText(t)).append("</p>\n");
            if (t.returnUrl() != null) {
                h.append("<p><a id=\"return\" class=\"button\" href=\"").append(Html.escape(returnLink(t)))
                        .append("\">Kembali ke merchant</a></p>\n");
            }
            h.append("</section>\n");
        }

        h.append("<section>\n<h2>Cara Pembayaran</h2>\n");
        for (Instruction i : Instructions.of(t)) {
            h.append("<details><summary>").append(Html.escape(i.title())).append("</summary><ol>");
            i.steps().forEach(step -> h.append("<li>").append(step).append("</li>"));
            h.append("</ol></details>\n");
        }
        h.append("</section>\n</main>\n").append(SCRIPT).append("</body>\n</html>\n");
        return h.toString();
    }

    /**
     * @param reference the reference that was asked for
     * @return a 404 page
     */
    public static String notFound(String reference) {
        return "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"UTF-8\">\n<title>Transaksi tidak ditemukan"
                + " · Tripay Sandbox</title>\n" + STYLE + "</head>\n<body>\n<main>\n<h1>Transaksi tidak ditemukan</h1>\n"
                + "<p>Tidak ada transaksi dengan referensi <code>" + Html.escape(reference) + "</code>.</p>\n"
                + "</main>\n</body>\n</html>\n";
    }

    /**
     * @param t a transaction with a return URL
     * @return the return URL with {@code tripay_merchant_ref} and {@code tripay_reference} appended
     */
    public static String returnLink(Transaction t) {
        String url = t.returnUrl();
        String fragment = "";
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash);
            url = url.substring(0, hash);
        }
        return url + (url.contains("?") ? "&" : "?")
                + "tripay_merchant_ref=" + URLEncoder.encode(t.merchantRef(), StandardCharsets.UTF_8)
                + "&tripay_reference=" + URLEncoder.encode(t.reference(), StandardCharsets.UTF_8) + fragment;
    }

    private static String button(String checkout, String action, String label) {
        return "<form method=\"post\" action=\"" + Html.escape(checkout + "/" + action) + "\"><button id=\"" + action
                + "\" class=\"" + action + "\" type=\"submit\">" + label + "</button></form>\n";
    }

    private static String statusText(TransactionStatus status) {
        return switch (status) {
            case UNPAID -> "Menunggu Pembayaran";
            case PAID -> "Lunas";
            case EXPIRED -> "Kedaluwarsa";
            case FAILED -> "Gagal";
            case REFUND -> "Dikembalikan";
        };
    }

    private static String outcomeText(Transaction t) {
        return switch (t.status()) {
            case PAID -> "Pembayaran berhasil pada " + WHEN.format(t.paidAt()) + " WIB. Terima kasih!";
            case EXPIRED -> "Waktu pembayaran telah habis. Silakan buat pesanan baru di merchant.";
            case FAILED -> "Pembayaran gagal. Silakan coba lagi dari halaman merchant.";
            case REFUND -> "Pembayaran telah dikembalikan.";
            case UNPAID -> "";
        };
    }

    private static String remaining(long seconds) {
        long s = Math.max(0, seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }

    private static final String STYLE = """
            <style>
              body { font-family: system-ui, sans-serif; background: #f3f5f9; color: #1d2733; margin: 0; }
              .sandbox { background: #fff3cd; color: #7a5b00; text-align: center; padding: .4rem; font-size: .9rem; }
              main { max-width: 40rem; margin: 1.5rem auto; background: #fff; border-radius: 8px; padding: 1rem 1.5rem;
                     box-shadow: 0 1px 4px rgba(0,0,0,.08); }
              h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
              .meta { color: #5b6775; font-size: .9rem; }
              table { width: 100%; border-collapse: collapse; }
              th, td { text-align: left; padding: .35rem .25rem; border-bottom: 1px solid #e6eaf0; }
              .num { text-align: right; white-space: nowrap; }
              .total td { font-size: 1.1rem; border-bottom: none; }
              .code { font-family: ui-monospace, monospace; font-size: 1.6rem; letter-spacing: .08em; background: #f1f4f8;
                      padding: .5rem 1rem; border-radius: 6px; display: inline-block; }
              .qr svg { width: 240px; height: 240px; }
              pre { white-space: pre-wrap; word-break: break-all; background: #f1f4f8; padding: .5rem; border-radius: 6px; }
              .status { font-weight: bold; padding: .1rem .5rem; border-radius: 4px; }
              .status.unpaid { background: #fff3cd; } .status.paid { background: #d4edda; }
              .status.expired, .status.failed { background: #f8d7da; }
              .actions { display: flex; gap: .5rem; margin: .5rem 0; }
              button, .button { font-size: 1rem; padding: .5rem 1.2rem; border-radius: 6px; border: 0; cursor: pointer;
                                color: #fff; background: #2563eb; text-decoration: none; display: inline-block; }
              button.expire { background: #6b7280; } button.fail { background: #dc2626; }
              .hint { color: #5b6775; font-size: .85rem; }
              .outcome.paid { color: #166534; } .outcome.expired, .outcome.failed { color: #991b1b; }
              details { margin: .3rem 0; }
            </style>
            """;

    private static final String SCRIPT = """
            <script>
            (function () {
              var el = document.getElementById('countdown');
              if (!el) { return; }
              var left = Number(el.dataset.expires) - Number(el.dataset.now);
              var start = Date.now();
              function pad(n) { return (n < 10 ? '0' : '') + n; }
              function tick() {
                var s = Math.max(0, Math.round(left - (Date.now() - start) / 1000));
                el.textContent = pad(Math.floor(s / 3600)) + ':' + pad(Math.floor(s % 3600 / 60)) + ':' + pad(s % 60);
                if (s === 0) { clearInterval(timer); el.textContent = 'waktu habis'; }
              }
              var timer = setInterval(tick, 1000);
              tick();
            })();
            </script>
            """;
}
