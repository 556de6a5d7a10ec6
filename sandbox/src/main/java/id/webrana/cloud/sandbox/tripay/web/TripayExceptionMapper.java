package id.webrana.cloud.sandbox.tripay.web;

import id.webrana.cloud.sandbox.tripay.TripayException;
import id.webrana.cloud.sandbox.tripay.TripayJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns a {@link TripayException} into Tripay's error answer {@code {"success": false, "message": ...}}. */
@Provider
public class TripayExceptionMapper implements ExceptionMapper<TripayException> {

    @Override
    public Response toResponse(TripayException exception) {
        return response(exception);
    }

    /**
     * @param exception a refusal
     * @return its HTTP answer
     */
    static Response response(TripayException exception) {
        return Response.status(exception.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(TripayJson.error(exception.getMessage())).build();
    }
}
