package id.webrana.cloud.sandbox.digitalocean.web;

import id.webrana.cloud.sandbox.digitalocean.DigitalOceanException;
import jakarta.ws.rs.core.UriInfo;

/** Small helpers shared by the resources. */
final class Params {

    private Params() {
    }

    /**
     * @param value a path segment
     * @return it as a positive id
     * @throws DigitalOceanException 404 when it is not one (the resource cannot exist)
     */
    static long id(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw DigitalOceanException.notFound();
    }

    /**
     * @param value a query parameter
     * @return it as an integer, or {@code null} when absent or not a number (the default then applies)
     */
    static Integer optionalInt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param uriInfo the request
     * @param path a path below {@code /digitalocean}, e.g. {@code v2/droplets}
     * @return the absolute URL of that path on this server
     */
    static String href(UriInfo uriInfo, String path) {
        String base = uriInfo.getBaseUri().toString();
        return (base.endsWith("/") ? base : base + "/") + DigitalOceanGate.ROOT + "/" + path;
    }
}
