package id.webrana.cloud.adapter.in.faces.security;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Marks this war's session cookie {@code Secure} when the site is served over https: {@code SESSION_COOKIE_SECURE}
 * ({@code true}/{@code false}) when set, else whether {@code PUBLIC_BASE_URL} starts with {@code https://}. The cookie
 * is HttpOnly and SameSite=Lax in any case (web.xml). Over plain http (development, the end-to-end tests) a Secure
 * cookie would never come back, so it stays off there.
 */
public class SecureCookiesFromConfig implements ServletContainerInitializer {

    static final String SECURE_KEY = "SESSION_COOKIE_SECURE";
    static final String BASE_URL_KEY = "PUBLIC_BASE_URL";

    private static final Logger LOG = Logger.getLogger(SecureCookiesFromConfig.class.getName());

    @Override
    public void onStartup(Set<Class<?>> ignored, ServletContext context) {
        Config config = ConfigProvider.getConfig();
        boolean secure = secure(config.getOptionalValue(SECURE_KEY, String.class).orElse(null),
                config.getOptionalValue(BASE_URL_KEY, String.class).orElse(null));
        context.getSessionCookieConfig().setHttpOnly(true);
        if (secure) {
            context.getSessionCookieConfig().setSecure(true);
            LOG.info("Session cookie of the web app marked Secure");
        }
    }

    /** The rule, apart for tests: an explicit setting wins, else https in the public URL. */
    static boolean secure(String explicit, String publicBaseUrl) {
        if (explicit != null && !explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.trim());
        }
        return publicBaseUrl != null && publicBaseUrl.trim().toLowerCase(Locale.ROOT).startsWith("https://");
    }
}
