package id.webrana.cloud.sandbox.digitalocean.web;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the landing page {@code /sandbox/} ({@code index.html} of the war). Needed because the JAX-RS application
 * sits at the war's root ({@code /*}), which hides the container's static-file handling.
 */
@Path("/")
public class LandingResource {

    @Context
    private ServletContext servletContext;

    /** @return the landing page */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response index() {
        return page();
    }

    /** @return the landing page */
    @GET
    @Path("index.html")
    @Produces(MediaType.TEXT_HTML)
    public Response indexHtml() {
        return page();
    }

    private Response page() {
        if (servletContext == null) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        try (InputStream in = servletContext.getResourceAsStream("/index.html")) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            return Response.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
