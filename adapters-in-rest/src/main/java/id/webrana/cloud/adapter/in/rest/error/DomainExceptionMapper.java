package id.webrana.cloud.adapter.in.rest.error;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused business rule: its code, and a status from the code's kind. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        return ApiError.response(statusOf(e.code()), e.code().name(), e.getMessage());
    }

    static int statusOf(ErrorCode code) {
        return switch (code.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
            case UNAUTHENTICATED -> 401;
            case UPSTREAM_REFUSED -> 502;
            case RATE_LIMITED -> 429;
            case GONE -> 410;
            case UNAVAILABLE -> 503;
        };
    }
}
