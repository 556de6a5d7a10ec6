package id.webrana.cloud.domain.order;

import id.webrana.cloud.domain.shared.Actor;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an order's audit trail.
 *
 * @param from   null for the creation of the order
 * @param reason why, in words (an admin's rejection reason, a provider's error); may be null
 */
public record StatusChange(OrderStatus from, OrderStatus to, Actor actor, String reason, Instant at) {
    public StatusChange {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
