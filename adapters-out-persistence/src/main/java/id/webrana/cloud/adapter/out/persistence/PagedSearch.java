package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A native SQL search that answers one page: a {@code FROM ... WHERE} clause grown by the optional
 * conditions of a search form, each with its positional parameters, then run twice: once to count
 * every match, once to select the ids of the requested page.
 *
 * <pre>{@code
 * PagedSearch q = new PagedSearch("invoices i");
 * if (status != null) {
 *     q.and("i.status = ?", status.name());
 * }
 * return q.fetch(em, "i.id", "i.issued_at DESC, i.number DESC", page, ids -> load(em, ids));
 * }</pre>
 */
final class PagedSearch {

    private final StringBuilder where;
    private final List<Object> params = new ArrayList<>();

    /**
     * @param from what follows {@code FROM}: the table(s) with the aliases the conditions use,
     *        e.g. {@code "orders o JOIN users u ON u.id = o.user_id"}
     */
    PagedSearch(String from) {
        this.where = new StringBuilder(" FROM ").append(from).append(" WHERE 1=1");
    }

    /** Adds {@code AND condition}, with one value for each {@code ?} in it, in order. */
    PagedSearch and(String condition, Object... values) {
        where.append(" AND ").append(condition);
        params.addAll(Arrays.asList(values));
        return this;
    }

    /** {@code %text%} for ILIKE, with the wildcards in {@code text} taken literally. */
    static String likePattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * Counts all matches, then selects {@code idColumn} of the rows on {@code page} ordered by
     * {@code orderBy} (which should be a total order, so that pages neither overlap nor skip rows)
     * and turns those ids, in that order, into the page's items with {@code load}.
     */
    <T> Page<T> fetch(EntityManager em, String idColumn, String orderBy, PageRequest page,
                      Function<List<Object>, List<T>> load) {
        Query count = em.createNativeQuery("SELECT COUNT(*)" + where);
        Query ids = em.createNativeQuery("SELECT " + idColumn + where + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?");
        for (int i = 0; i < params.size(); i++) {
            count.setParameter(i + 1, params.get(i));
            ids.setParameter(i + 1, params.get(i));
        }
        ids.setParameter(params.size() + 1, page.size());
        ids.setParameter(params.size() + 2, page.offset());
        long total = ((Number) count.getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object> found = ids.getResultList();
        return new Page<>(load.apply(found), page.page(), page.size(), total);
    }
}
