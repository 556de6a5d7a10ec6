package id.webrana.cloud.application.port.in;

import id.webrana.cloud.domain.order.Order;
import id.webrana.cloud.domain.shared.Actor;

import java.util.UUID;

/**
 * UC: a payment is confirmed or refused. Confirming makes the order PAID and queues its
 * provisioning in the same transaction; provisioning starts at once.
 */
public interface ChangePaymentStatusUseCase {

    Order changePaymentStatus(PaymentDecisionCommand command);

    enum Decision { APPROVE, REJECT }

    record PaymentDecisionCommand(UUID orderId, Decision decision, String reason, Actor actor) {
    }
}
