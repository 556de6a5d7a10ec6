package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.provisioning.Instance;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;

import java.util.Optional;

/** An order with its server and its provisioning progress, when they exist. */
public record OrderDetails(Order order, Optional<Instance> instance, Optional<ProvisioningTask> provisioning) {
}
