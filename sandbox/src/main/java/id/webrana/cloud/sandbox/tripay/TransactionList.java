package id.webrana.cloud.sandbox.tripay;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET merchant/transactions}: the merchant's transactions filtered by {@code reference}, {@code merchant_ref},
 * {@code method} and {@code status} (exact matches; absent or blank filters match everything), sorted by creation
 * time ({@code sort=desc}, the default, newest first) and cut into pages of {@code per_page} (1 to
 * {@value #MAX_PER_PAGE}, default {@value #DEFAULT_PER_PAGE}). A page past the last one is empty.
 */
public final class TransactionList {

    /** The largest page Tripay serves. */
    public static final int MAX_PER_PAGE = 50;
    /** The page size when none is asked for. */
    public static final int DEFAULT_PER_PAGE = 25;

    private TransactionList() {
    }

    /**
     * What was asked for, as raw query parameters (validated by {@link #page}).
     *
     * @param reference a Tripay reference, or {@code null}
     * @param merchantRef a merchant reference, or {@code null}
     * @param method a channel code, or {@code null}
     * @param status a status name, or {@code null}
     * @param sort {@code asc} or {@code desc}, or {@code null} (desc)
     * @param page the page number from 1, or {@code null} (1)
     * @param perPage the page size, or {@code null} ({@value #DEFAULT_PER_PAGE})
     */
    public record Query(String reference, String merchantRef, String method, String status, String sort,
                        String page, String perPage) {
    }

    /**
     * One page.
     *
     * @param items the transactions on it
     * @param sort {@code asc} or {@code desc}
     * @param currentPage its number, from 1
     * @param perPage the page size
     * @param lastPage the last page's number (1 when nothing matched)
     * @param totalRecords how many transactions matched
     * @param from the 1-based position of its first item among all matches (0 when empty)
     */
    public record Page(List<Transaction> items, String sort, int currentPage, int perPage, int lastPage,
                       int totalRecords, int from) {

        public Page {
            items = List.copyOf(items);
        }

        /** @return the position of its last item (0 when empty) */
        public int to() {
            return items.isEmpty() ? 0 : from + items.size() - 1;
        }
    }

    /**
     * @param all every transaction
     * @param q the query
     * @return the asked page of the matches
     * @throws TripayException a refusal for a malformed page, page size, sort or status
     */
    public static Page page(List<Transaction> all, Query q) {
        int page = positive(q.page(), 1, "page");
        int perPage = positive(q.perPage(), DEFAULT_PER_PAGE, "per page");
        if (perPage > MAX_PER_PAGE) {
            throw TripayException.refused("The per page must not be greater than " + MAX_PER_PAGE + ".");
        }
        String sort = blank(q.sort()) ? "desc" : q.sort().strip().toLowerCase(Locale.ROOT);
        if (!sort.equals("asc") && !sort.equals("desc")) {
            throw TripayException.refused("The selected sort is invalid.");
        }
        TransactionStatus status = null;
        if (!blank(q.status())) {
            try {
                status = TransactionStatus.valueOf(q.status().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw TripayException.refused("The selected status is invalid.");
            }
        }
        TransactionStatus wanted = status;
        Comparator<Transaction> byCreation = Comparator.comparing(Transaction::createdAt);
        List<Transaction> matches = all.stream()
                .filter(t -> blank(q.reference()) || t.reference().equals(q.reference().strip()))
                .filter(t -> blank(q.merchantRef()) || q.merchantRef().strip().equals(t.merchantRef()))
                .filter(t -> blank(q.method()) || t.channel().code().equals(q.method().strip()))
                .filter(t -> wanted == null || t.status() == wanted)
                .sorted(sort.equals("asc") ? byCreation : byCreation.reversed())
                .toList();
        int lastPage = Math.max(1, (matches.size() + perPage - 1) / perPage);
        long start = (long) (page - 1) * perPage;
        List<Transaction> items = start >= matches.size() ? List.of()
                : matches.subList((int) start, (int) Math.min(matches.size(), start + perPage));
        return new Page(items, sort, page, perPage, lastPage, matches.size(), items.isEmpty() ? 0 : (int) start + 1);
    }

    private static int positive(String raw, int fallback, String name) {
        if (blank(raw)) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < 1) {
                throw TripayException.refused("The " + name + " must be at least 1.");
            }
            return value;
        } catch (NumberFormatException e) {
            throw TripayException.refused("The " + name + " must be an integer.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
