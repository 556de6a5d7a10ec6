package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A PrimeFaces lazy table model over a use case's paged listing that the table may also sort: each load passes the
 * clicked column's {@code field} and direction to the listing (null field: the listing's own order). Like
 * {@link id.webrana.cloud.adapter.in.faces.support.PagedModel}, filters live in the page bean.
 *
 * @param <T> the row type
 */
public class SortedPagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** The column the table is sorted by, or none. */
    public record Sort(String field, boolean ascending) implements Serializable {
        static final Sort NONE = new Sort(null, false);
    }

    /** A serializable, sortable listing function (models live in view-scoped beans). */
    @FunctionalInterface
    public interface Fetch<T> extends Serializable {
        Page<T> fetch(PageRequest page, Sort sort);
    }

    /** A serializable row key function. */
    @FunctionalInterface
    public interface Key<T> extends Function<T, String>, Serializable {
    }

    private final Fetch<T> fetch;
    private final Key<T> key;

    public SortedPagedModel(Fetch<T> fetch, Key<T> key) {
        this.fetch = fetch;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) Math.min(Integer.MAX_VALUE, fetch.fetch(new PageRequest(0, 1), Sort.NONE).total());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        int size = Math.max(1, Math.min(100, pageSize));
        Page<T> page = fetch.fetch(new PageRequest(first / size, size), sortOf(sortBy));
        setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
        return page.items();
    }

    /** The first sorted column of the table (the tables sort by one column at a time). */
    static Sort sortOf(Map<String, SortMeta> sortBy) {
        if (sortBy == null) {
            return Sort.NONE;
        }
        return sortBy.values().stream().filter(m -> m.getOrder() != null && !m.getOrder().isUnsorted())
                .sorted().findFirst()
                .map(m -> new Sort(m.getField(), m.getOrder() == SortOrder.ASCENDING))
                .orElse(Sort.NONE);
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
