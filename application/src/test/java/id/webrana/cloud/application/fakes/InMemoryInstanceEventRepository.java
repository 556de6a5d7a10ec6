package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.InstanceEventRepository;
import id.webrana.cloud.domain.provisioning.InstanceEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Instances' history in memory, with the unique (instance, step key) rule of the database. */
public final class InMemoryInstanceEventRepository implements InstanceEventRepository, TransactionalResource {

    private List<InstanceEvent> rows = new ArrayList<>();

    @Override
    public void append(InstanceEvent event) {
        if (!recordStep(event)) {
            throw new IllegalStateException("unique constraint: step " + event.stepKey() + " recorded twice");
        }
    }

    @Override
    public boolean recordStep(InstanceEvent event) {
        if (event.stepKey() != null && rows.stream().anyMatch(e -> e.instanceId().equals(event.instanceId())
                && event.stepKey().equals(e.stepKey()))) {
            return false;
        }
        rows.add(event);
        return true;
    }

    @Override
    public Set<String> stepKeys(UUID instanceId) {
        return rows.stream().filter(e -> e.instanceId().equals(instanceId) && e.stepKey() != null)
                .map(InstanceEvent::stepKey).collect(Collectors.toSet());
    }

    @Override
    public List<InstanceEvent> history(UUID instanceId, int limit) {
        List<InstanceEvent> mine = new ArrayList<>(rows.stream().filter(e -> e.instanceId().equals(instanceId)).toList());
        java.util.Collections.reverse(mine); // newest first, insertion order breaking ties
        return mine.stream().sorted(Comparator.comparing(InstanceEvent::at).reversed()).limit(limit).toList();
    }

    /** The types of the instance's history, oldest first. */
    public List<String> types(UUID instanceId) {
        return rows.stream().filter(e -> e.instanceId().equals(instanceId)).map(InstanceEvent::type).toList();
    }

    @Override
    public Object snapshot() {
        return new ArrayList<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new ArrayList<>((List<InstanceEvent>) snapshot);
    }
}
