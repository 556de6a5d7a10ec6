package id.webrana.cloud.sandbox.digitalocean.web;

import id.webrana.cloud.sandbox.digitalocean.DigitalOceanException;
import id.webrana.cloud.sandbox.digitalocean.DigitalOceanJson;
import id.webrana.cloud.sandbox.digitalocean.DigitalOceanSandbox;
import id.webrana.cloud.sandbox.digitalocean.DropletView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/**
 * The sandbox's own control API for tests, {@code /digitalocean/_control/...} (JSON, camelCase, no token needed):
 * <ul>
 *   <li>{@code GET config} / {@code PUT config} (partial) — {@code bootDelaySeconds, actionDelaySeconds, errorRate,
 *       rateLimitBurst, latencyMillis, failCreateWithStatus};</li>
 *   <li>{@code POST reset} — drop all droplets, actions and faults (delays stay), 204;</li>
 *   <li>{@code GET droplets[?tag_name=]} — {@code {droplets: [...], total, countsByTag: {tag: n}}};</li>
 *   <li>{@code GET clock}, {@code POST clock/advance {"seconds": n}} — skip delays without waiting.</li>
 * </ul>
 */
@Path("digitalocean/_control")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ControlResource {

    private SandboxService service;

    /** For CDI proxies and JAX-RS (which needs a public constructor to pick). */
    public ControlResource() {
    }

    /** @param service the simulator holder */
    @Inject
    public ControlResource(SandboxService service) {
        this.service = service;
    }

    /** @return the settings in force */
    @GET
    @Path("config")
    public JsonObject config() {
        return DigitalOceanJson.settings(sandbox().settings());
    }

    /**
     * @param body a (partial) config object; absent fields keep their value
     * @return the settings now in force
     */
    @PUT
    @Path("config")
    public JsonObject updateConfig(String body) {
        return DigitalOceanJson.settings(
                sandbox().updateSettings(current -> DigitalOceanJson.mergeSettings(current, body)));
    }

    /** @return 204 after dropping all droplets, actions, faults and the clock offset */
    @POST
    @Path("reset")
    public Response reset() {
        sandbox().reset();
        return Response.noContent().build();
    }

    /**
     * @param tagName only droplets with this tag, or all
     * @return {@code {droplets: [...], total, countsByTag}}
     */
    @GET
    @Path("droplets")
    public JsonObject droplets(@QueryParam("tag_name") String tagName) {
        List<DropletView> all = sandbox().droplets().all().stream()
                .filter(d -> tagName == null || tagName.isBlank() || d.tags().contains(tagName)).toList();
        return service.json().controlDroplets(all);
    }

    /**
     * What the droplet reads from its metadata service at {@code /metadata/v1/user-data}: lets a test play
     * the part of software on the droplet (e.g. the WeBrana agent reading its configuration).
     *
     * @return the user data as text, 204 when the droplet was created without, 404 for an unknown droplet
     */
    @GET
    @Path("droplets/{id}/user-data")
    @jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.TEXT_PLAIN)
    public Response userData(@jakarta.ws.rs.PathParam("id") long id) {
        return sandbox().droplets().userData(id).map(u -> Response.ok(u).build())
                .orElseGet(() -> Response.noContent().build());
    }

    /** @return {@code {now, offsetSeconds}} of the simulation clock */
    @GET
    @Path("clock")
    public JsonObject clock() {
        return DigitalOceanJson.clock(sandbox().clock());
    }

    /**
     * @param body {@code {"seconds": n}}
     * @return {@code {now, offsetSeconds}} after moving the clock forward
     */
    @POST
    @Path("clock/advance")
    public JsonObject advance(String body) {
        JsonObject o = DigitalOceanJson.parseObject(body);
        JsonValue seconds = o.get("seconds");
        if (!(seconds instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
            throw DigitalOceanException.badRequest("Send {\"seconds\": n} with a whole number n >= 0.");
        }
        sandbox().advanceClock(Duration.ofSeconds(n.longValue()));
        return DigitalOceanJson.clock(sandbox().clock());
    }

    private DigitalOceanSandbox sandbox() {
        return service.sandbox();
    }
}
