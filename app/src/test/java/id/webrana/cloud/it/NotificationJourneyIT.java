package id.webrana.cloud.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order journey with the embedded defaults (no SMTP, no Telegram): order, Tripay payment in the
 * simulator, droplet ACTIVE — and the customer hears about each step, in Bahasa Indonesia, in the
 * local mailbox (email) and in the bell (in-app), with the right amount, hostname and IP.
 */
class NotificationJourneyIT {

    @Test
    void the_journey_announces_order_payment_and_active_server_by_email_and_in_app_in_indonesian() throws Exception {
        String email = "notif-" + System.nanoTime() + "@example.id";
        Api.Reply reg = Api.post("/api/v1/auth/register", "{\"email\":\"" + email
                + "\",\"password\":\"Rahasia123\",\"fullName\":\"Sari Wulandari\",\"phone\":\"+6281234567891\"}");
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        String token = Api.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Rahasia123\"}")
                .json().getString("accessToken");

        BillingIT.Placed p = BillingIT.placeOrder(token, "web-kabar");
        JsonObject payment = BillingIT.pay(p, "BRIVA").getJsonObject("payment");
        Api.post("/sandbox/tripay/_control/transactions/" + payment.getString("reference") + "/pay", "{}");
        JsonObject order = OrderJourneyIT.awaitStatus(token, p.orderId(), "ACTIVE", Duration.ofSeconds(25));
        String ip = order.getJsonObject("instance").getString("ipv4");

        List<String> subjects = awaitMails(email, "VPS web-kabar sudah aktif", Duration.ofSeconds(15));
        assertThat(subjects).contains("Pesanan web-kabar diterima: tagihan " + invoiceNumber(p),
                "Pembayaran diterima: web-kabar", "VPS web-kabar sudah aktif");
        String created = mailText(email, "Pesanan web-kabar");
        assertThat(created).contains("Rp 90.000").contains("Sari Wulandari");
        assertThat(mailText(email, "Pembayaran diterima")).contains("Rp 90.000").contains("BRI Virtual Account");
        assertThat(mailText(email, "VPS web-kabar sudah aktif")).contains(ip).contains("ssh root@" + ip);

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonObject inbox = null;
        while (System.nanoTime() < deadline) {
            inbox = Api.get("/api/v1/notifications?size=20", Api.bearer(token)).json();
            if (inbox.getJsonArray("items").size() >= 3) {
                break;
            }
            Thread.sleep(300);
        }
        assertThat(inbox.getJsonNumber("unreadCount").longValue()).isGreaterThanOrEqualTo(3);
        List<String> events = inbox.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getString("event")).toList();
        assertThat(events).contains("ORDER_CREATED", "PAYMENT_CONFIRMED", "VPS_ACTIVE");
        String bell = inbox.toString();
        assertThat(bell).contains("web-kabar").contains(ip);
    }

    static String invoiceNumber(BillingIT.Placed p) {
        return BillingIT.invoice(p).getString("number");
    }

    /** The subjects of the mails to {@code to}, once one with {@code awaitedSubject} has arrived. */
    static List<String> awaitMails(String to, String awaitedSubject, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> subjects = List.of();
        while (System.nanoTime() < deadline) {
            Api.Reply r = Api.get("/internal/notifications/mailbox?size=50&to=" + to, Api.apiKey());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            subjects = r.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(m -> "EMAIL".equals(m.getString("channel", "EMAIL")))
                    .map(m -> m.getString("subject")).toList();
            if (subjects.contains(awaitedSubject)) {
                return subjects;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no mail '" + awaitedSubject + "' for " + to + " within " + within + ": " + subjects);
    }

    static String mailText(String to, String subjectStart) {
        Api.Reply list = Api.get("/internal/notifications/mailbox?size=50&to=" + to, Api.apiKey());
        String id = list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("subject").startsWith(subjectStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no mail '" + subjectStart + "' for " + to)).getString("id");
        Api.Reply mail = Api.get("/internal/notifications/mailbox/" + id, Api.apiKey());
        assertThat(mail.status()).isEqualTo(200);
        return mail.json().getString("textBody");
    }
}
