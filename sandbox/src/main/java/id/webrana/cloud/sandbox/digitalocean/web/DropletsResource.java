package id.webrana.cloud.sandbox.digitalocean.web;

import id.webrana.cloud.sandbox.digitalocean.ActionView;
import id.webrana.cloud.sandbox.digitalocean.CreatedDroplet;
import id.webrana.cloud.sandbox.digitalocean.DigitalOceanException;
import id.webrana.cloud.sandbox.digitalocean.DigitalOceanJson;
import id.webrana.cloud.sandbox.digitalocean.DropletView;
import id.webrana.cloud.sandbox.digitalocean.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /digitalocean/v2/droplets}: create, list, get, delete droplets and run droplet actions. */
@Path("digitalocean/v2/droplets")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class DropletsResource {

    private SandboxService service;

    /** For CDI proxies and JAX-RS (which needs a public constructor to pick). */
    public DropletsResource() {
    }

    /** @param service the simulator holder */
    @Inject
    public DropletsResource(SandboxService service) {
        this.service = service;
    }

    /**
     * {@code POST /v2/droplets} (single {@code name} form).
     *
     * @param body the JSON request
     * @param uriInfo the request URI, for the action link
     * @return 202 {@code {droplet, links: {actions: [{id, rel: "create", href}]}}}
     */
    @POST
    public Response create(String body, @Context UriInfo uriInfo) {
        CreatedDroplet created = service.sandbox().droplets().create(DigitalOceanJson.parseCreate(body));
        String href = Params.href(uriInfo, "v2/actions/" + created.action().id());
        return Response.status(Response.Status.ACCEPTED).entity(service.json().created(created, href)).build();
    }

    /**
     * {@code GET /v2/droplets}.
     *
     * @param tagName only droplets with this tag
     * @param name only droplets with this name
     * @param type {@code droplets} (default) or {@code gpus} (always empty here)
     * @param page 1-based page
     * @param perPage page size (default 20, max 200)
     * @param uriInfo the request URI, for the page links
     * @return {@code {droplets, links, meta: {total}}}
     */
    @GET
    public JsonObject list(@QueryParam("tag_name") String tagName, @QueryParam("name") String name,
                           @QueryParam("type") String type, @QueryParam("page") String page,
                           @QueryParam("per_page") String perPage, @Context UriInfo uriInfo) {
        if (type != null && !type.equals("droplets") && !type.equals("gpus")) {
            throw DigitalOceanException.unprocessable("type must be one of [droplets, gpus].");
        }
        Page<DropletView> result = "gpus".equals(type)
                ? Page.of(List.of(), Params.optionalInt(page), Params.optionalInt(perPage))
                : service.sandbox().droplets().list(blankToNull(tagName), blankToNull(name),
                        Params.optionalInt(page), Params.optionalInt(perPage));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("tag_name", blankToNull(tagName));
        query.put("name", blankToNull(name));
        query.put("type", type);
        return service.json().listing("droplets", result, service.json()::droplet,
                Params.href(uriInfo, "v2/droplets"), query);
    }

    /**
     * {@code DELETE /v2/droplets?tag_name=X}: deletes every droplet with the tag.
     *
     * @param tagName the tag (required)
     * @return 204
     */
    @DELETE
    public Response deleteByTag(@QueryParam("tag_name") String tagName) {
        if (tagName == null || tagName.isBlank()) {
            throw DigitalOceanException.unprocessable("tag_name is required to delete droplets by tag.");
        }
        service.sandbox().droplets().deleteTagged(tagName);
        return Response.noContent().build();
    }

    /**
     * {@code GET /v2/droplets/{id}}.
     *
     * @param id the droplet id
     * @return {@code {droplet}}
     */
    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        DropletView droplet = service.sandbox().droplets().get(Params.id(id));
        return DigitalOceanJson.wrap("droplet", service.json().droplet(droplet));
    }

    /**
     * {@code DELETE /v2/droplets/{id}}.
     *
     * @param id the droplet id
     * @return 204
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        service.sandbox().droplets().delete(Params.id(id));
        return Response.noContent().build();
    }

    /**
     * {@code POST /v2/droplets/{id}/actions} with {@code {"type": ...}}, or {@code {"type": "snapshot", "name": ...}}.
     *
     * @param id the droplet id
     * @param body the JSON request
     * @return 201 {@code {action}}
     */
    @POST
    @Path("{id}/actions")
    public Response act(@PathParam("id") String id, String body) {
        long dropletId = Params.id(id);
        DigitalOceanJson.ActionRequest request = DigitalOceanJson.parseAction(body);
        ActionView action = service.sandbox().droplets().act(dropletId, request.type(), request.name());
        return Response.status(Response.Status.CREATED)
                .entity(DigitalOceanJson.wrap("action", service.json().action(action))).build();
    }

    /**
     * {@code GET /v2/droplets/{id}/actions}.
     *
     * @param id the droplet id
     * @param page 1-based page
     * @param perPage page size
     * @param uriInfo the request URI, for the page links
     * @return {@code {actions, links, meta}}, newest first
     */
    @GET
    @Path("{id}/actions")
    public JsonObject actions(@PathParam("id") String id, @QueryParam("page") String page,
                              @QueryParam("per_page") String perPage, @Context UriInfo uriInfo) {
        long dropletId = Params.id(id);
        Page<ActionView> result = Page.of(service.sandbox().droplets().actionsOf(dropletId),
                Params.optionalInt(page), Params.optionalInt(perPage));
        return service.json().listing("actions", result, service.json()::action,
                Params.href(uriInfo, "v2/droplets/" + dropletId + "/actions"), Map.of());
    }

    /**
     * {@code GET /v2/droplets/{id}/actions/{actionId}}.
     *
     * @param id the droplet id
     * @param actionId the action id
     * @return {@code {action}}
     */
    @GET
    @Path("{id}/actions/{actionId}")
    public JsonObject action(@PathParam("id") String id, @PathParam("actionId") String actionId) {
        long dropletId = Params.id(id);
        ActionView action = service.sandbox().droplets().action(Params.id(actionId));
        if (action.resourceId() != dropletId) {
            throw DigitalOceanException.notFound();
        }
        return DigitalOceanJson.wrap("action", service.json().action(action));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
