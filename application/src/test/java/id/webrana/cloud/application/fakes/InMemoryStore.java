package id.webrana.cloud.application.fakes;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * A table of aggregates keyed by id, behaving like a database rather than a map of references:
 * it stores a copy of what is saved and hands out fresh copies, so an aggregate changed but not
 * saved changes nothing, and a rolled-back transaction leaves no trace.
 *
 * <p>With a version accessor it also enforces optimistic locking as a JPA {@code @Version} column
 * would: a save must carry the version that was read; the stored version is then incremented. An
 * aggregate's {@code version()} is final, so the version an instance was read (or last saved) at
 * is remembered per instance; saving the same instance twice in a row is fine, saving a copy read
 * before someone else's save is refused with {@code CONCURRENT_MODIFICATION}.
 */
public class InMemoryStore<T> implements TransactionalResource {

    private final String table;
    private final Function<T, UUID> idOf;
    private final ToLongFunction<T> versionOf;
    private final BiFunction<T, Long, T> copyAtVersion;
    private Map<UUID, T> rows = new LinkedHashMap<>();
    private final Map<T, Long> versionSeenBy = new IdentityHashMap<>();

    /** A versioned table: {@code copyAtVersion} rebuilds an aggregate with the given version. */
    public InMemoryStore(String table, Function<T, UUID> idOf, ToLongFunction<T> versionOf,
                         BiFunction<T, Long, T> copyAtVersion) {
        this.table = table;
        this.idOf = idOf;
        this.versionOf = versionOf;
        this.copyAtVersion = copyAtVersion;
    }

    /** An unversioned table. */
    public static <T> InMemoryStore<T> unversioned(String table, Function<T, UUID> idOf, Function<T, T> copy) {
        return new InMemoryStore<>(table, idOf, null, (t, v) -> copy.apply(t));
    }

    public Optional<T> find(UUID id) {
        return Optional.ofNullable(id == null ? null : rows.get(id)).map(this::handOut);
    }

    public Optional<T> findFirst(Predicate<T> where) {
        return rows.values().stream().filter(where).findFirst().map(this::handOut);
    }

    /** Fresh copies of every row, in insertion order. */
    public Stream<T> all() {
        return rows.values().stream().map(this::handOut).toList().stream();
    }

    public int count() {
        return rows.size();
    }

    public void save(T aggregate) {
        UUID id = idOf.apply(aggregate);
        T current = rows.get(id);
        if (versionOf == null) {
            rows.put(id, copyAtVersion.apply(aggregate, 0L));
            return;
        }
        long expected = versionSeenBy.getOrDefault(aggregate, versionOf.applyAsLong(aggregate));
        long next;
        if (current == null) {
            next = expected;
        } else {
            long stored = versionOf.applyAsLong(current);
            if (stored != expected) {
                throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION,
                        table + " " + id + " was changed meanwhile (stored version " + stored + ", saved from "
                                + expected + ")");
            }
            next = expected + 1;
        }
        rows.put(id, copyAtVersion.apply(aggregate, next));
        versionSeenBy.put(aggregate, next);
    }

    private T handOut(T row) {
        T copy = copyAtVersion.apply(row, versionOf == null ? 0L : versionOf.applyAsLong(row));
        if (versionOf != null) {
            versionSeenBy.put(copy, versionOf.applyAsLong(row));
        }
        return copy;
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        rows = new LinkedHashMap<>((Map<UUID, T>) snapshot);
    }
}
