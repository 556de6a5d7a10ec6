package id.webrana.cloud.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets the right status and a stable code, never a 500 or a stack trace. */
class BadInputIT {

    static final String PLAN = OrderJourneyIT.PLAN;
    static final String IMAGE = OrderJourneyIT.IMAGE;
    static String token;

    @BeforeAll
    static void customer() {
        token = Api.newCustomerToken("bad-input");
    }

    private static void assertError(Api.Reply r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.errorCode()).as(r.body()).isEqualTo(code);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at id.webrana");
    }

    private static Api.Reply order(String json) {
        return Api.post("/api/v1/orders", json, Api.bearer(token));
    }

    @Test
    void malformed_json_is_400_malformed_json() {
        assertError(order("{\"planId\": "), 400, "MALFORMED_JSON");
        assertError(Api.post("/api/v1/auth/login", "not json"), 400, "MALFORMED_JSON");
    }

    @Test
    void unknown_plan_or_image_or_period_are_refused_with_their_codes() {
        assertError(order("{\"planId\":\"00000000-0000-0000-0000-000000000000\",\"imageId\":\"" + IMAGE
                + "\",\"period\":\"MONTHLY\",\"hostname\":\"a1\"}"), 400, "INVALID_PLAN");
        assertError(order("{\"planId\":\"not-a-uuid\",\"imageId\":\"" + IMAGE
                + "\",\"period\":\"MONTHLY\",\"hostname\":\"a1\"}"), 400, "INVALID_PLAN");
        assertError(order("{\"planId\":\"" + PLAN + "\",\"imageId\":\"00000000-0000-0000-0000-000000000000\""
                + ",\"period\":\"MONTHLY\",\"hostname\":\"a1\"}"), 400, "INVALID_IMAGE");
        assertError(order("{\"planId\":\"" + PLAN + "\",\"imageId\":\"" + IMAGE
                + "\",\"period\":\"WEEKLY\",\"hostname\":\"a1\"}"), 400, "INVALID_DURATION");
        assertError(order("{\"planId\":\"" + PLAN + "\",\"imageId\":\"" + IMAGE
                + "\",\"period\":\"MONTHLY\",\"hostname\":\"-bad_name\"}"), 400, "INVALID_HOSTNAME");
    }

    @Test
    void expired_exhausted_unknown_and_wrong_period_coupons_are_invalid_coupon() {
        for (String coupon : new String[] {"MERDEKA2025", "LIMIT1", "NOSUCHCODE"}) {
            assertError(Api.post("/api/v1/catalog/coupons/validate", "{\"planId\":\"" + PLAN + "\",\"period\":\"MONTHLY\","
                    + "\"couponCode\":\"" + coupon + "\"}", Api.bearer(token)), 400, "INVALID_COUPON");
        }
        // HEMAT10 is only for MONTHLY and YEARLY
        assertError(Api.post("/api/v1/catalog/coupons/validate", "{\"planId\":\"" + PLAN + "\",\"period\":\"DAILY\","
                + "\"couponCode\":\"HEMAT10\"}", Api.bearer(token)), 400, "INVALID_COUPON");
    }

    @Test
    void a_coupon_for_another_plan_is_invalid_coupon() {
        String code = "ONLYPLAN2" + (System.nanoTime() % 100_000);
        Api.Reply created = Api.post("/internal/catalog/coupons", "{\"code\":\"" + code + "\",\"discountType\":\"PERCENT\","
                + "\"discountValue\":20,\"planIds\":[\"22222222-0000-0000-0000-000000000002\"],\"active\":true}",
                Api.apiKey());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertError(Api.post("/api/v1/catalog/coupons/validate", "{\"planId\":\"" + PLAN + "\",\"period\":\"MONTHLY\","
                + "\"couponCode\":\"" + code + "\"}", Api.bearer(token)), 400, "INVALID_COUPON");
        Api.Reply ok = Api.post("/api/v1/catalog/coupons/validate", "{\"planId\":\"22222222-0000-0000-0000-000000000002\","
                + "\"period\":\"MONTHLY\",\"couponCode\":\"" + code + "\"}", Api.bearer(token));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().getJsonNumber("couponDiscount").longValue()).isEqualTo(36_000);
        assertError(Api.post("/internal/catalog/coupons", "{\"code\":\"" + code + "\",\"discountType\":\"PERCENT\","
                + "\"discountValue\":20}", Api.apiKey()), 409, "DUPLICATE_CODE");
        assertError(Api.post("/internal/catalog/coupons", "{\"code\":\"X" + code + "\",\"discountType\":\"PERCENT\","
                + "\"discountValue\":150}", Api.apiKey()), 400, "VALIDATION_ERROR");
    }

    @Test
    void another_users_order_is_403_and_an_unknown_one_404() {
        Api.Reply created = order("{\"planId\":\"" + PLAN + "\",\"imageId\":\"" + IMAGE
                + "\",\"period\":\"MONTHLY\",\"hostname\":\"mine-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String other = Api.newCustomerToken("other");
        assertError(Api.get("/api/v1/orders/" + created.json().getString("id"), Api.bearer(other)), 403,
                "ORDER_ACCESS_DENIED");
        assertError(Api.get("/api/v1/orders/00000000-0000-0000-0000-000000000000", Api.bearer(token)), 404,
                "ORDER_NOT_FOUND");
    }

    @Test
    void missing_or_forged_tokens_are_401_and_customers_cannot_use_internal_paths() {
        assertThat(Api.get("/api/v1/orders").status()).isEqualTo(401);
        assertThat(Api.get("/api/v1/orders", Api.bearer(token + "x")).status()).isEqualTo(401);
        assertError(Api.get("/internal/orders"), 401, "UNAUTHENTICATED");
        assertError(Api.get("/internal/orders", "X-API-Key", "wrong"), 401, "INVALID_API_KEY");
        assertError(Api.get("/internal/orders", Api.bearer(token)), 403, "FORBIDDEN");
    }

    @Test
    void wrong_password_is_401_and_duplicate_registration_409() {
        assertError(Api.post("/api/v1/auth/login", "{\"email\":\"nobody@example.id\",\"password\":\"x\"}"), 401,
                "INVALID_CREDENTIALS");
        String email = "dup-" + System.nanoTime() + "@example.id";
        String body = "{\"email\":\"" + email + "\",\"password\":\"Rahasia123\",\"fullName\":\"Dup\"}";
        assertThat(Api.post("/api/v1/auth/register", body).status()).isEqualTo(201);
        assertError(Api.post("/api/v1/auth/register", body), 409, "EMAIL_ALREADY_REGISTERED");
    }

    @Test
    void approving_an_already_rejected_order_is_a_409_conflict() {
        Api.Reply created = order("{\"planId\":\"" + PLAN + "\",\"imageId\":\"" + IMAGE
                + "\",\"period\":\"MONTHLY\",\"hostname\":\"rejected-1\"}");
        String id = created.json().getString("id");
        Api.Reply rejected = Api.post("/internal/orders/" + id + "/payment-status",
                "{\"decision\":\"REJECT\",\"reason\":\"Bukti transfer palsu\"}", Api.apiKey());
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().getString("status")).isEqualTo("PAYMENT_FAILED");
        assertError(Api.post("/internal/orders/" + id + "/payment-status",
                "{\"decision\":\"APPROVE\"}", Api.apiKey()), 409, "PAYMENT_STATUS_CONFLICT");
    }
}
