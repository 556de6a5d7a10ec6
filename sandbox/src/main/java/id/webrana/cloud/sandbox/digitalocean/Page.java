package id.webrana.cloud.sandbox.digitalocean;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the items of this page
 * @param page the 1-based page number
 * @param perPage the page size
 * @param total the number of items over all pages ({@code meta.total})
 * @param <T> the item type
 */
public record Page<T>(List<T> items, int page, int perPage, int total) {

    /** Default {@code per_page} of the API. */
    public static final int DEFAULT_PER_PAGE = 20;
    /** Maximum {@code per_page} of the API. */
    public static final int MAX_PER_PAGE = 200;

    /** @return the number of the last page (1 when empty) */
    public int lastPage() {
        return Math.max(1, (total + perPage - 1) / perPage);
    }

    /**
     * Cuts one page out of a full list, clamping {@code page} and {@code perPage} as the API does.
     *
     * @param all all items
     * @param page requested page ({@code null} or &lt; 1 means 1)
     * @param perPage requested page size ({@code null} or &lt; 1 means 20, above 200 means 200)
     * @param <T> the item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> all, Integer page, Integer perPage) {
        int size = perPage == null || perPage < 1 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
        int number = page == null || page < 1 ? 1 : page;
        long from = (long) (number - 1) * size;
        List<T> items = from >= all.size() ? List.of()
                : List.copyOf(all.subList((int) from, (int) Math.min(all.size(), from + size)));
        return new Page<>(items, number, size, all.size());
    }
}
