package id.webrana.cloud.domain.shared;

import java.util.Objects;

/**
 * Who caused a change, for the audit trail: a user (customer or admin through a token or a
 * session), an integration holding the internal API key, or the system itself (workers).
 *
 * @param type what kind of actor
 * @param id   the user id, the API key's label, or the worker's name
 */
public record Actor(Type type, String id) {

    public enum Type { CUSTOMER, ADMIN, API_KEY, SYSTEM }

    public Actor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static Actor system(String component) {
        return new Actor(Type.SYSTEM, component);
    }
}
