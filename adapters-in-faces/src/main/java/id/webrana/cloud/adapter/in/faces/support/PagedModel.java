package id.webrana.cloud.adapter.in.faces.support;

import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A PrimeFaces lazy table model over a use case's paged listing: each page of the table is one
 * {@link PageRequest} (page size capped at 100, the use cases' limit). Filters live in the page bean, which the
 * {@code fetch} function reads, so the model itself has none.
 *
 * @param <T> the row type
 */
public class PagedModel<T> extends LazyDataModel<T> {

    /** A serializable listing function (models live in view-scoped beans). */
    @FunctionalInterface
    public interface Fetch<T> extends Function<PageRequest, Page<T>>, Serializable {
    }

    /** A serializable row key function. */
    @FunctionalInterface
    public interface Key<T> extends Function<T, String>, Serializable {
    }

    private final Fetch<T> fetch;
    private final Key<T> key;
    private transient Page<T> last;

    public PagedModel(Fetch<T> fetch, Key<T> key) {
        this.fetch = fetch;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        last = fetch.apply(new PageRequest(0, 1));
        return (int) Math.min(Integer.MAX_VALUE, last.total());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int size = Math.max(1, Math.min(100, pageSize));
        last = fetch.apply(new PageRequest(first / size, size));
        setRowCount((int) Math.min(Integer.MAX_VALUE, last.total()));
        return last.items();
    }

    @Override
    public String getRowKey(T row) {
        return key.apply(row);
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(r -> key.apply(r).equals(rowKey)).findFirst().orElse(null);
    }
}
