package id.webrana.cloud.adapter.out.security;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Holds the token signing keys for the application's lifetime.
 *
 * <p>Config: {@code JWT_PRIVATE_KEY} / {@code JWT_PUBLIC_KEY} (PEM, usually env vars) and {@code webrana.jwt.key.dir}
 * (a server.xml variable: {@code ${server.output.dir}/jwt} unless env {@code JWT_KEY_DIR} says otherwise).
 * The keys are resolved when the application starts, so {@code public.pem}, which mpJwt verifies with, exists
 * before any request can carry a token.
 */
@ApplicationScoped
public class JwtKeyProvider {

    public static final String KEY_DIR_PROPERTY = "webrana.jwt.key.dir";

    private static final Logger LOG = Logger.getLogger(JwtKeyProvider.class.getName());

    @Inject
    @ConfigProperty(name = "JWT_PRIVATE_KEY")
    Optional<String> privateKeyPem;

    @Inject
    @ConfigProperty(name = "JWT_PUBLIC_KEY")
    Optional<String> publicKeyPem;

    @Inject
    @ConfigProperty(name = KEY_DIR_PROPERTY)
    Optional<String> keyDir;

    private JwtKeys keys;

    @PostConstruct
    void init() {
        keys = JwtKeys.resolve(privateKeyPem.orElse(null), publicKeyPem.orElse(null), keyDirectory());
    }

    /** Resolving the keys at start-up is all this does: the observer makes the container create the bean. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.fine(() -> "JWT keys ready: " + keys);
    }

    public JwtKeys keys() {
        return keys;
    }

    private Path keyDirectory() {
        if (keyDir.isPresent()) {
            return Path.of(keyDir.get());
        }
        String serverOutput = System.getProperty("server.output.dir");
        Path dir = serverOutput != null
                ? Path.of(serverOutput, "jwt")
                : Path.of(System.getProperty("java.io.tmpdir"), "webrana-jwt");
        LOG.warning(() -> KEY_DIR_PROPERTY + " is not set; JWT keys live in " + dir
                + " (mpJwt must read public.pem from there)");
        return dir;
    }
}
