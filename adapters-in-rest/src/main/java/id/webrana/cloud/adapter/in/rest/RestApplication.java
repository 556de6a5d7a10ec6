package id.webrana.cloud.adapter.in.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import id.webrana.cloud.adapter.in.rest.dto.Views.OrderSummaryView;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API (war at context root {@code /}): resources under {@code /api/v1/...}, authenticated by MP-JWT bearer
 * tokens that the application itself issues (server.xml {@code <mpJwt>}). The only {@code Application} in this war.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({RestApplication.CUSTOMER, RestApplication.RESELLER, RestApplication.ADMIN, RestApplication.SUPER_ADMIN})
@OpenAPIDefinition(info = @Info(
        title = "WeBrana Cloud API",
        version = "v1",
        description = """
                VPS reseller platform for Indonesia. Prices are whole rupiah (IDR, integers), ids are UUIDs and times \
                are ISO-8601 UTC.

                **Authentication.** `/api/v1/auth/*` and `/api/v1/catalog/*` need no token (a bearer token on the \
                catalog only enables per-user coupon limits). `/api/v1/orders/*` needs \
                `Authorization: Bearer <access token>` from `POST /api/v1/auth/login`; access tokens live 15 minutes \
                and are renewed with `POST /api/v1/auth/refresh`. `/internal/*` is for operators: send `X-API-Key` \
                or an administrator's bearer token.

                **Errors.** Every error the application produces has one shape, \
                `{"error":{"code":"ORDER_NOT_FOUND","message":"Order ... not found"}}`, with a stable `code` \
                (400 invalid input such as `VALIDATION_ERROR`, `INVALID_*`, `WEAK_PASSWORD` or `MALFORMED_JSON` for an \
                unreadable body; 401 `INVALID_CREDENTIALS`/`INVALID_REFRESH_TOKEN`; 403 `FORBIDDEN`, \
                `ORDER_ACCESS_DENIED`, `ACCOUNT_DISABLED`; 404 `*_NOT_FOUND`; 409 conflicts such as \
                `PAYMENT_STATUS_CONFLICT`). The one exception: a missing, expired or forged bearer token on a \
                protected operation is refused by the server's MP-JWT layer before the application runs, with \
                **401 and an EMPTY body**."""),
        components = @Components(schemas = {
                @Schema(name = RestApplication.ERROR_SCHEMA, type = SchemaType.OBJECT, requiredProperties = "error",
                        description = "Every error the application answers: `{\"error\":{\"code\":...,\"message\":...}}`. "
                                + "(Not the 401 of a missing, expired or forged bearer token, which has an empty body.)",
                        properties = @SchemaProperty(name = "error", ref = "ErrorDetail")),
                @Schema(name = "ErrorDetail", type = SchemaType.OBJECT, requiredProperties = {"code", "message"},
                        properties = {
                                @SchemaProperty(name = "code", type = SchemaType.STRING, example = "ORDER_NOT_FOUND",
                                        description = "Stable machine-readable code: VALIDATION_ERROR, INVALID_PLAN, "
                                                + "INVALID_IMAGE, INVALID_COUPON, INVALID_DURATION, INVALID_HOSTNAME, "
                                                + "INVALID_TOKEN, WEAK_PASSWORD, MALFORMED_JSON (400); "
                                                + "INVALID_CREDENTIALS, INVALID_REFRESH_TOKEN, INVALID_API_KEY, "
                                                + "UNAUTHENTICATED (401); FORBIDDEN, ACCOUNT_DISABLED, "
                                                + "ORDER_ACCESS_DENIED (403); ORDER_NOT_FOUND, PLAN_NOT_FOUND, "
                                                + "IMAGE_NOT_FOUND, COUPON_NOT_FOUND, USER_NOT_FOUND, NOT_FOUND (404); "
                                                + "EMAIL_ALREADY_REGISTERED, PAYMENT_STATUS_CONFLICT, DUPLICATE_CODE, "
                                                + "CONCURRENT_MODIFICATION (409); INTERNAL_ERROR (500)"),
                                @SchemaProperty(name = "message", type = SchemaType.STRING,
                                        example = "Order 00000000-0000-0000-0000-000000000000 not found",
                                        description = "Human-readable English explanation; may change, do not parse")}),
                @Schema(name = RestApplication.ORDER_PAGE_SCHEMA, type = SchemaType.OBJECT,
                        description = "One page of order summaries, newest first",
                        requiredProperties = {"items", "page", "size", "total"},
                        properties = {
                                @SchemaProperty(name = "items", type = SchemaType.ARRAY,
                                        implementation = OrderSummaryView.class),
                                @SchemaProperty(name = "page", type = SchemaType.INTEGER, format = "int32",
                                        description = "Zero-based page number", example = "0"),
                                @SchemaProperty(name = "size", type = SchemaType.INTEGER, format = "int32",
                                        description = "Page size asked for (1..100)", example = "20"),
                                @SchemaProperty(name = "total", type = SchemaType.INTEGER, format = "int64",
                                        description = "Number of matching orders over all pages", example = "2")})}))
@SecurityScheme(
        securitySchemeName = RestApplication.BEARER_SCHEME,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "RS256 access token (15 minutes) issued by WeBrana Cloud: POST /api/v1/auth/login or "
                + "/api/v1/auth/refresh. A missing, expired or forged token on a protected operation gets 401 with an "
                + "EMPTY body (mpJwt rejects it before the application).")
@SecurityScheme(
        securitySchemeName = RestApplication.API_KEY_SCHEME,
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-API-Key",
        description = "Operators' shared key for /internal (the server's INTERNAL_API_KEY). A wrong key is refused "
                + "with 401 INVALID_API_KEY; instead of the key, an administrator's bearer token is accepted.")
public class RestApplication extends Application {

    public static final String CUSTOMER = "customer";
    public static final String RESELLER = "reseller";
    public static final String ADMIN = "admin";
    public static final String SUPER_ADMIN = "super_admin";

    /** Name of the OpenAPI security scheme; protected operations say {@code @SecurityRequirement(name = BEARER_SCHEME)}. */
    public static final String BEARER_SCHEME = "bearer";

    /** Name of the OpenAPI security scheme of the {@code X-API-Key} header accepted on {@code /internal}. */
    public static final String API_KEY_SCHEME = "apiKey";

    /** OpenAPI component schema of the error body, for {@code @Schema(ref = ERROR_SCHEMA)}. */
    static final String ERROR_SCHEMA = "Error";

    /** OpenAPI component schema of a {@code PageView<OrderSummaryView>}. */
    static final String ORDER_PAGE_SCHEMA = "OrderSummaryPage";
}
