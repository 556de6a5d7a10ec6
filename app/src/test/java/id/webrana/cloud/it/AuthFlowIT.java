package id.webrana.cloud.it;

import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in on the running server: rotating refresh tokens with replay detection, sign-out, and the
 * password reset by the emailed link (read from the notification outbox, where mail waits until
 * the notifications feature delivers it).
 */
class AuthFlowIT {

    static final String DB_URL = System.getProperty("it.db.url", "jdbc:postgresql://127.0.0.1:5432/webrana_it");
    static final String DB_USER = System.getProperty("it.db.user", "postgres");

    private static String register(String prefix) {
        String email = prefix + "-" + System.nanoTime() + "@example.id";
        Api.Reply r = Api.post("/api/v1/auth/register", "{\"email\":\"" + email
                + "\",\"password\":\"Rahasia123\",\"fullName\":\"Siti Rahma\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return email;
    }

    private static Api.Reply login(String email, String password) {
        return Api.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static Api.Reply refresh(String token) {
        return Api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + token + "\"}");
    }

    @Test
    void a_refresh_token_works_once_and_replaying_it_signs_the_whole_family_out() {
        String email = register("refresh");
        String first = login(email, "Rahasia123").json().getString("refreshToken");

        Api.Reply rotated = refresh(first);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String second = rotated.json().getString("refreshToken");
        assertThat(second).isNotEqualTo(first);
        assertThat(Api.get("/api/v1/orders", Api.bearer(rotated.json().getString("accessToken"))).status()).isEqualTo(200);

        Api.Reply replay = refresh(first);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.errorCode()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(refresh(second).status()).as("the family is revoked after a replay").isEqualTo(401);
    }

    @Test
    void logout_revokes_the_refresh_token() {
        String email = register("logout");
        String token = login(email, "Rahasia123").json().getString("refreshToken");
        assertThat(Api.post("/api/v1/auth/logout", "{\"refreshToken\":\"" + token + "\"}").status()).isEqualTo(204);
        assertThat(refresh(token).status()).isEqualTo(401);
    }

    @Test
    void a_password_reset_link_sets_a_new_password_once_and_signs_out_everywhere() throws Exception {
        String email = register("reset");
        String oldSession = login(email, "Rahasia123").json().getString("refreshToken");
        assertThat(Api.post("/api/v1/auth/forgot-password", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);
        assertThat(Api.post("/api/v1/auth/forgot-password", "{\"email\":\"nobody-" + System.nanoTime()
                + "@example.id\"}").status()).as("no hint whether an account exists").isEqualTo(202);

        String token = tokenFromOutbox("ACCOUNT_PASSWORD_RESET", email);
        Api.Reply reset = Api.post("/api/v1/auth/reset-password", "{\"token\":\"" + token + "\",\"newPassword\":\"Baru2026x\"}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(204);

        assertThat(login(email, "Rahasia123").status()).isEqualTo(401);
        assertThat(login(email, "Baru2026x").status()).isEqualTo(200);
        assertThat(refresh(oldSession).status()).as("old sessions end with a reset").isEqualTo(401);
        Api.Reply again = Api.post("/api/v1/auth/reset-password", "{\"token\":\"" + token + "\",\"newPassword\":\"Lagi2026x\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorCode()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void the_emailed_verification_link_verifies_the_address() throws Exception {
        String email = register("verify");
        String token = tokenFromOutbox("ACCOUNT_EMAIL_VERIFICATION", email);
        assertThat(Api.post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").status()).isEqualTo(204);
        assertThat(Api.post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").status()).isEqualTo(400);
    }

    static String tokenFromOutbox(String template, String email) throws Exception {
        try (var c = DriverManager.getConnection(DB_URL, DB_USER, "");
             var s = c.prepareStatement("SELECT variables FROM notification_outbox WHERE template = ? AND recipient = ?"
                     + " ORDER BY created_at DESC LIMIT 1")) {
            s.setString(1, template);
            s.setString(2, email);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(template + " for " + email + " in the outbox").isTrue();
                Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(rs.getString(1));
                assertThat(m.find()).isTrue();
                return m.group(1);
            }
        }
    }
}
