package id.webrana.cloud.adapter.out.digitalocean;

/**
 * DigitalOcean refused a droplet action with 422 {@code unprocessable_entity} "Droplet already has a pending event.":
 * another action (or the creation) still runs on the droplet. Transient: the same request succeeds once that event
 * has finished, so the caller may ask again later.
 *
 * <p>A separate class so that the circuit breaker can ignore it: a busy droplet says nothing about DigitalOcean's
 * health, and customers pressing a button twice must not open the circuit for everyone.
 */
public class DigitalOceanPendingEventException extends DigitalOceanTransientException {

    private static final long serialVersionUID = 1L;

    public DigitalOceanPendingEventException(String message) {
        super(message, 422, null, null);
    }
}
