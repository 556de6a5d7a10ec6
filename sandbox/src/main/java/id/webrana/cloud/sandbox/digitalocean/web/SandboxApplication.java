package id.webrana.cloud.sandbox.digitalocean.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The sandbox war's JAX-RS application, at the war's root (the EAR puts the war at {@code /sandbox}):
 * {@code /sandbox/digitalocean/v2/...} is the simulated DigitalOcean API, {@code /sandbox/digitalocean/_control/...}
 * its control API, {@code /sandbox/} the landing page. All classes of the war are discovered.
 */
@ApplicationPath("/")
public class SandboxApplication extends Application {
}
