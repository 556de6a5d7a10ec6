package id.webrana.cloud.application.port.in;

import id.webrana.cloud.application.port.in.InstancesUseCase.InstanceDetails;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.List;
import java.util.UUID;

/** UC: operators watch every server's lifecycle and step in; every intervention is in the audit trail. */
public interface AdminInstancesUseCase {

    /** Every criterion optional: status (ACTIVE, SUSPENDED, TERMINATED), owner, text (hostname, IP, server id). */
    Page<Instance> searchInstances(String status, UUID userId, String text, PageRequest page);

    InstanceDetails getInstance(UUID instanceId);

    /** Powers the server off and locks the customer out; a reason is required. */
    InstanceDetails forceSuspend(UUID instanceId, Actor actor, String reason);

    /** Powers the server on and lets the customer back in; a reason is required. */
    InstanceDetails forceUnsuspend(UUID instanceId, Actor actor, String reason);

    /** Destroys the server at the provider now; a reason is required. The customer is told. */
    InstanceDetails forceTerminate(UUID instanceId, Actor actor, String reason);

    /**
     * UC-032: provisions a FAILED order again. The order's tag still finds a server the failed
     * attempt may have left, so the retry adopts it rather than creating a second one.
     */
    OrderDetails retryProvisioning(UUID orderId, Actor actor, String reason);

    /**
     * Destroys the servers left at the provider by FAILED orders (found by the order tag), and only
     * those: servers of active, provisioning or unknown orders are reported, never touched.
     */
    CleanupReport cleanUpFailedOrderServers(Actor actor);

    /**
     * @param destroyed server ids destroyed, with the order each belonged to
     * @param kept      platform servers left alone, with why
     * @param errors    servers that could not be destroyed now (to try again)
     */
    record CleanupReport(List<String> destroyed, List<String> kept, List<String> errors) {
    }
}
