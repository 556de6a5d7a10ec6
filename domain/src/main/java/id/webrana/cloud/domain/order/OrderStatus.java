package id.webrana.cloud.domain.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an order:
 * <pre>
 * PENDING_PAYMENT ─┬─▶ PAID ─▶ PROVISIONING ─┬─▶ ACTIVE
 *                  ├─▶ PAYMENT_FAILED         └─▶ FAILED
 *                  └─▶ EXPIRED                    FAILED ─(operator retry)─▶ PROVISIONING
 * </pre>
 */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, PROVISIONING, ACTIVE, PAYMENT_FAILED, EXPIRED, FAILED;

    private Set<OrderStatus> next() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.of(PAID, PAYMENT_FAILED, EXPIRED);
            case PAID -> EnumSet.of(PROVISIONING, FAILED);
            case PROVISIONING -> EnumSet.of(ACTIVE, FAILED);
            case FAILED -> EnumSet.of(PROVISIONING);
            case ACTIVE, PAYMENT_FAILED, EXPIRED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canBecome(OrderStatus target) {
        return next().contains(target);
    }

    /** No automatic change will come (FAILED waits for an operator's retry). */
    public boolean isFinal() {
        return this == FAILED || next().isEmpty();
    }
}
