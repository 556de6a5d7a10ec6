package id.webrana.cloud.adapter.in.faces.security;

/**
 * Where the login page may send a user back to: only a path inside this web app (never another host, never a
 * protocol-relative {@code //host} or a backslash trick), else the portal's home.
 */
public final class SafeRedirect {

    /** Where a signed-in user lands when nothing else was asked for. */
    public static final String HOME = "/portal/index.xhtml";

    private SafeRedirect() {
    }

    /**
     * @param next a path relative to the context root, as passed in {@code ?next=}
     * @return {@code next} when it is a plain in-app path, else {@link #HOME}
     */
    public static String inApp(String next) {
        if (next == null || next.isBlank() || next.length() > 2000) {
            return HOME;
        }
        String n = next.trim();
        if (!n.startsWith("/") || n.startsWith("//") || n.contains("\\") || n.contains("://")
                || n.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || n.startsWith("/login.xhtml") || n.startsWith("/jakarta.faces.resource")) {
            return HOME;
        }
        return n;
    }
}
