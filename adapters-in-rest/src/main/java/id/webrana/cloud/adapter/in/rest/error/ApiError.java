package id.webrana.cloud.adapter.in.rest.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/** The one error shape of the API: {@code {"error":{"code":"ORDER_NOT_FOUND","message":"..."}}}. */
public final class ApiError {

    private ApiError() {
    }

    public static Response response(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", Map.of("code", code, "message", message == null ? code : message)))
                .build();
    }
}
