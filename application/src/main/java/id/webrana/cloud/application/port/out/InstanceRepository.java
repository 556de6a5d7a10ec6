package id.webrana.cloud.application.port.out;

import id.webrana.cloud.domain.provisioning.Instance;

import java.util.Optional;
import java.util.UUID;

/** Stores customers' servers. */
public interface InstanceRepository {
    void save(Instance instance);

    Optional<Instance> findById(UUID id);

    Optional<Instance> findByOrderId(UUID orderId);
}
