package id.webrana.cloud.domain.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a listing with the total number of matching items. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total);
    }
}
