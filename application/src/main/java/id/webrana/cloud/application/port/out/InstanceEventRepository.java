package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.provisioning.InstanceEvent;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Instances' history (audit trail) and the record of lifecycle steps done. */
public interface InstanceEventRepository {

    /** Appends a history line (its step key, if any, must be new). */
    void append(InstanceEvent event);

    /**
     * Records a lifecycle step unless its {@code stepKey} is recorded already (unique per instance,
     * {@code ON CONFLICT DO NOTHING}).
     *
     * @return true if this call recorded it, false if it was there: the step must not be done again
     */
    boolean recordStep(InstanceEvent event);

    /** The step keys recorded for the instance. */
    Set<String> stepKeys(UUID instanceId);

    /** The instance's history, newest first. */
    List<InstanceEvent> history(UUID instanceId, int limit);
}
