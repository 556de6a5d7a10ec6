package id.webrana.cloud.sandbox.tripay.web;

/** The Tripay simulator's paths below the war's root. */
public final class TripayPaths {

    /** First path segment of everything Tripay. */
    public static final String ROOT = "tripay";
    /** The simulated API, like {@code https://tripay.co.id/api-sandbox/}. */
    public static final String API = ROOT + "/api-sandbox";

    private TripayPaths() {
    }

    /**
     * @param path a request path relative to the war, with or without leading slashes
     * @return the path without leading and trailing slashes
     */
    public static String normalise(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        String trimmed = path.substring(start);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /**
     * @param path a request path relative to the war
     * @return whether it belongs to the Tripay simulator
     */
    public static boolean isTripay(String path) {
        String p = normalise(path);
        return p.equals(ROOT) || p.startsWith(ROOT + "/");
    }

    /**
     * @param path a request path relative to the war
     * @return whether it is a call of the simulated API (API key, latency and faults apply)
     */
    public static boolean isApi(String path) {
        String p = normalise(path);
        return p.equals(API) || p.startsWith(API + "/");
    }
}
