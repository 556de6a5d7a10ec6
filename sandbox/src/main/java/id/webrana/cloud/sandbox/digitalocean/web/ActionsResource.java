package id.webrana.cloud.sandbox.digitalocean.web;

import id.webrana.cloud.sandbox.digitalocean.DigitalOceanJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /digitalocean/v2/actions/{id}}: any action, including the {@code create} action of a droplet. */
@Path("digitalocean/v2/actions")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ActionsResource {

    private SandboxService service;

    /** For CDI proxies and JAX-RS (which needs a public constructor to pick). */
    public ActionsResource() {
    }

    /** @param service the simulator holder */
    @Inject
    public ActionsResource(SandboxService service) {
        this.service = service;
    }

    /**
     * @param id the action id
     * @return {@code {action}}
     */
    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return DigitalOceanJson.wrap("action", service.json().action(service.sandbox().droplets().action(Params.id(id))));
    }
}
