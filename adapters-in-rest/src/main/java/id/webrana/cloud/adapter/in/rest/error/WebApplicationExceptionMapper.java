package id.webrana.cloud.adapter.in.rest.error;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything that is not a business rule: framework errors keep their status with a stable code,
 * unreadable JSON becomes 400 MALFORMED_JSON, and anything unexpected a 500 without details (the
 * stack trace goes to the log, never to the client).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (isMalformedJson(e)) {
            return ApiError.response(400, "MALFORMED_JSON", "The request body is not valid JSON for this operation");
        }
        if (e instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            String code = switch (status) {
                case 400 -> "BAD_REQUEST";
                case 401 -> "UNAUTHENTICATED";
                case 403 -> "FORBIDDEN";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 406 -> "NOT_ACCEPTABLE";
                case 415 -> "UNSUPPORTED_MEDIA_TYPE";
                default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_REFUSED";
            };
            String message = status >= 500 ? "The server could not complete the request" : safeMessage(wae, status);
            return ApiError.response(status, code, message);
        }
        LOG.log(Level.SEVERE, "Unexpected error answering a request", e);
        return ApiError.response(500, "INTERNAL_ERROR", "The server could not complete the request");
    }

    private static String safeMessage(WebApplicationException e, int status) {
        return switch (status) {
            case 401 -> "Authentication is required";
            case 403 -> "You are not allowed to do this";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 415 -> "Send application/json";
            default -> "The request was refused";
        };
    }

    private static boolean isMalformedJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof jakarta.json.stream.JsonParsingException
                    || (t instanceof ProcessingException && !(t.getCause() instanceof WebApplicationException))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
