package id.webrana.cloud.application.port.out;

import java.util.List;
import java.util.Optional;

/**
 * Outbound port to an IaaS provider (DigitalOcean today; Vultr and Linode later).
 *
 * <p>Implementations translate the provider's API into these provider-neutral records (an
 * anti-corruption layer) and classify every failure as a {@link CloudProviderException} that says
 * whether trying again can help. Creation is <em>not</em> idempotent at the provider, so callers
 * must look for an existing server by tag ({@link #findServersByTag}) before calling
 * {@link #createServer} again after an unknown outcome.
 */
public interface CloudProvider {

    /** What this provider can do, so the UI never shows a dead button. */
    ProviderCapabilities capabilities();

    /**
     * Asks the provider to create a server. Returns as soon as the provider accepted the request;
     * the server is usually not running yet ({@link ServerStatus#NEW}).
     *
     * @throws CloudProviderException transient (429, 5xx, timeout) or permanent (422, bad slug)
     */
    CloudServer createServer(CreateServerRequest request);

    /** The server's current state, or empty when the provider does not know it (404). */
    Optional<CloudServer> findServer(String providerServerId);

    /** All servers carrying the tag, used to find a server created before a crash. */
    List<CloudServer> findServersByTag(String tag);

    /** Destroys the server; destroying one that no longer exists is not an error. */
    void deleteServer(String providerServerId);

    /**
     * Starts a power action (or the provider's own password reset) on the server. Returns as soon as
     * the provider accepted it, usually {@link ProviderAction.Status#IN_PROGRESS}; follow it with
     * {@link #findAction}. <b>Not idempotent</b> (a reboot asked twice is two reboots), so never retried
     * blindly. Only the actions listed in {@link ProviderCapabilities#serverActions()} are offered.
     *
     * @throws CloudProviderException transient (429, 5xx, timeout; also a provider busy with another
     *         action on the server) or permanent (unknown server, action refused)
     */
    ProviderAction performAction(String providerServerId, ServerAction action);

    /** The current state of an action started by {@link #performAction} or {@link #snapshot}. */
    ProviderAction findAction(String providerServerId, String providerActionId);

    /**
     * Starts a snapshot of the (preferably powered-off) server, kept at the provider under {@code name}.
     * Only when {@link ProviderCapabilities#snapshots()}.
     */
    ProviderAction snapshot(String providerServerId, String name);

    /**
     * A short-lived URL of the provider's web console for the server. Only when
     * {@link ProviderCapabilities#webConsole()}; DigitalOcean's API offers none.
     *
     * @throws UnsupportedOperationException when the provider has no console API
     */
    default String consoleUrl(String providerServerId) {
        throw new UnsupportedOperationException(capabilities().providerName() + " offers no console through its API");
    }
}
