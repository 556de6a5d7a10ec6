package id.webrana.cloud.sandbox.digitalocean.web;

import id.webrana.cloud.sandbox.digitalocean.DigitalOceanException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns a {@link DigitalOceanException} into the API's error answer. */
@Provider
public class DigitalOceanExceptionMapper implements ExceptionMapper<DigitalOceanException> {

    @Override
    public Response toResponse(DigitalOceanException exception) {
        return DigitalOceanGate.errorResponse(exception);
    }
}
