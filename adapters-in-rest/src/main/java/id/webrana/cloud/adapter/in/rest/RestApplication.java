package id.webrana.cloud.adapter.in.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
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
        description = "VPS reseller platform for Indonesia. Authenticate with `Authorization: Bearer <access token>`."))
@SecurityScheme(
        securitySchemeName = RestApplication.BEARER_SCHEME,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "RS256 access token (15 minutes) issued by WeBrana Cloud")
public class RestApplication extends Application {

    public static final String CUSTOMER = "customer";
    public static final String RESELLER = "reseller";
    public static final String ADMIN = "admin";
    public static final String SUPER_ADMIN = "super_admin";

    /** Name of the OpenAPI security scheme; protected operations say {@code @SecurityRequirement(name = BEARER_SCHEME)}. */
    public static final String BEARER_SCHEME = "bearer";
}
