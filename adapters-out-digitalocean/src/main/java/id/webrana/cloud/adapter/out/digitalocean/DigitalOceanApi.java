package id.webrana.cloud.adapter.out.digitalocean;

import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.DropletActionRequest;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.DropletCreateRequest;
import id.webrana.cloud.adapter.out.digitalocean.DigitalOceanDtos.SshKeyCreateRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * MicroProfile Rest Client interface for the subset of DigitalOcean API v2 the platform uses.
 *
 * <p>Built programmatically by {@link DigitalOceanClient#restClient(DigitalOceanSettings)} (the base URL is chosen at
 * run time: real API or simulator), with the {@code Authorization: Bearer} header set on the builder and the default
 * {@code ResponseExceptionMapper} disabled. Every method therefore returns the raw {@link Response}, so that
 * {@link DigitalOceanClient} can classify each status code and read the rate-limit headers itself; bodies are read
 * into {@link DigitalOceanDtos} with JSON-B.
 *
 * <p>Paths are relative to the base URI, which has no {@code /v2} of its own: {@code https://api.digitalocean.com}
 * or {@code http://localhost:9080/sandbox/digitalocean}.
 */
@Path("/v2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DigitalOceanApi {

    /** {@code POST /v2/droplets}: 202 with {@code {droplet, links.actions}}. Not idempotent. */
    @POST
    @Path("/droplets")
    Response createDroplet(DropletCreateRequest request);

    /** {@code GET /v2/droplets/{id}}: 200 {@code {droplet}} or 404. */
    @GET
    @Path("/droplets/{id}")
    Response getDroplet(@PathParam("id") long dropletId);

    /** {@code GET /v2/droplets?tag_name=...}: one page of droplets carrying the tag. */
    @GET
    @Path("/droplets")
    Response listDropletsByTag(@QueryParam("tag_name") String tagName, @QueryParam("page") int page,
                               @QueryParam("per_page") int perPage);

    /** {@code DELETE /v2/droplets/{id}}: 204, or 404 when it is already gone. */
    @DELETE
    @Path("/droplets/{id}")
    Response deleteDroplet(@PathParam("id") long dropletId);

    /**
     * {@code POST /v2/droplets/{id}/actions}: 201 {@code {action}}; 422 while the droplet has a pending event.
     * Not idempotent (a reboot twice is two reboots).
     */
    @POST
    @Path("/droplets/{id}/actions")
    Response postDropletAction(@PathParam("id") long dropletId, DropletActionRequest request);

    /** {@code GET /v2/droplets/{droplet_id}/actions/{action_id}}: 200 {@code {action}} or 404. */
    @GET
    @Path("/droplets/{dropletId}/actions/{actionId}")
    Response getDropletAction(@PathParam("dropletId") long dropletId, @PathParam("actionId") long actionId);

    /** {@code GET /v2/sizes}: one page of sizes. */
    @GET
    @Path("/sizes")
    Response listSizes(@QueryParam("page") int page, @QueryParam("per_page") int perPage);

    /** {@code GET /v2/images?type=distribution|application}: one page of public images. */
    @GET
    @Path("/images")
    Response listImages(@QueryParam("type") String type, @QueryParam("page") int page,
                        @QueryParam("per_page") int perPage);

    /** {@code GET /v2/regions}: one page of regions. */
    @GET
    @Path("/regions")
    Response listRegions(@QueryParam("page") int page, @QueryParam("per_page") int perPage);

    /** {@code GET /v2/account/keys/{id or fingerprint}}: 200 {@code {ssh_key}} or 404. */
    @GET
    @Path("/account/keys/{key}")
    Response getSshKey(@PathParam("key") String idOrFingerprint);

    /** {@code POST /v2/account/keys}: 201 {@code {ssh_key}}; 422 when the key is already on the account. */
    @POST
    @Path("/account/keys")
    Response createSshKey(SshKeyCreateRequest request);
}
