package id.webrana.cloud.sandbox.digitalocean.web;

import id.webrana.cloud.sandbox.digitalocean.DigitalOceanException;
import id.webrana.cloud.sandbox.digitalocean.ImageSpec;
import id.webrana.cloud.sandbox.digitalocean.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read-only catalog: {@code /digitalocean/v2/sizes}, {@code /images}, {@code /regions} and {@code /account}. */
@Path("digitalocean/v2")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CatalogResource {

    private SandboxService service;

    /** For CDI proxies and JAX-RS (which needs a public constructor to pick). */
    public CatalogResource() {
    }

    /** @param service the simulator holder */
    @Inject
    public CatalogResource(SandboxService service) {
        this.service = service;
    }

    /**
     * @param page 1-based page
     * @param perPage page size
     * @param uriInfo the request URI
     * @return {@code {sizes, links, meta}}
     */
    @GET
    @Path("sizes")
    public JsonObject sizes(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
                            @Context UriInfo uriInfo) {
        return service.json().listing("sizes",
                Page.of(service.sandbox().catalog().sizes(), Params.optionalInt(page), Params.optionalInt(perPage)),
                service.json()::size, Params.href(uriInfo, "v2/sizes"), Map.of());
    }

    /**
     * @param type {@code distribution} (all built-in images), {@code application} (none) or absent (all)
     * @param privateOnly {@code true} lists the user's private images (none)
     * @param tagName images with this tag (none carry tags)
     * @param page 1-based page
     * @param perPage page size
     * @param uriInfo the request URI
     * @return {@code {images, links, meta}}
     */
    @GET
    @Path("images")
    public JsonObject images(@QueryParam("type") String type, @QueryParam("private") String privateOnly,
                             @QueryParam("tag_name") String tagName, @QueryParam("page") String page,
                             @QueryParam("per_page") String perPage, @Context UriInfo uriInfo) {
        if (type != null && !type.equals("distribution") && !type.equals("application")) {
            throw DigitalOceanException.unprocessable("type must be one of [application, distribution].");
        }
        boolean none = "application".equals(type) || "true".equalsIgnoreCase(privateOnly)
                || (tagName != null && !tagName.isBlank());
        List<ImageSpec> images = none ? List.of() : service.sandbox().catalog().images();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("type", type);
        query.put("private", privateOnly);
        query.put("tag_name", tagName);
        return service.json().listing("images", Page.of(images, Params.optionalInt(page), Params.optionalInt(perPage)),
                service.json()::image, Params.href(uriInfo, "v2/images"), query);
    }

    /**
     * @param page 1-based page
     * @param perPage page size
     * @param uriInfo the request URI
     * @return {@code {regions, links, meta}}
     */
    @GET
    @Path("regions")
    public JsonObject regions(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
                              @Context UriInfo uriInfo) {
        return service.json().listing("regions",
                Page.of(service.sandbox().catalog().regions(), Params.optionalInt(page), Params.optionalInt(perPage)),
                service.json()::region, Params.href(uriInfo, "v2/regions"), Map.of());
    }

    /** @return {@code {account}} */
    @GET
    @Path("account")
    public JsonObject account() {
        return service.json().account();
    }
}
