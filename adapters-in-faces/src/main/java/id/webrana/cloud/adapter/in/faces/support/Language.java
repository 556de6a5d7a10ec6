package id.webrana.cloud.adapter.in.faces.support;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Locale;
import java.util.Set;

/**
 * The language pages are shown in ({@code #{lang}}): Bahasa Indonesia unless the visitor switched to English (kept
 * in the session, which is created only on a switch, so the public catalog creates none).
 */
@Named("lang")
@RequestScoped
public class Language {

    static final String SESSION_KEY = "webrana.language";
    public static final String INDONESIAN = "id";
    public static final String ENGLISH = "en";
    private static final Set<String> SUPPORTED = Set.of(INDONESIAN, ENGLISH);

    /**
     * The language code in use: {@code id} or {@code en}. A {@code ?lang=} parameter (the header's switch links)
     * changes it for the rest of the session.
     */
    public String getCode() {
        return codeOf(request());
    }

    /** The language of the current Faces request (Indonesian outside one), for code that runs before rendering. */
    public static Locale current() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null) {
            return Locale.forLanguageTag(INDONESIAN);
        }
        return Locale.forLanguageTag(codeOf((HttpServletRequest) faces.getExternalContext().getRequest()));
    }

    private static String codeOf(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if (asked != null && SUPPORTED.contains(asked)) {
            request.getSession(true).setAttribute(SESSION_KEY, asked);
            return asked;
        }
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(SESSION_KEY);
        return chosen instanceof String s && SUPPORTED.contains(s) ? s : INDONESIAN;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(getCode());
    }

    public boolean isEnglish() {
        return ENGLISH.equals(getCode());
    }

    /** Uses {@code code} ({@code id} or {@code en}) from now on in this session; anything else is ignored. */
    public void use(String code) {
        if (code != null && SUPPORTED.contains(code)) {
            request().getSession(true).setAttribute(SESSION_KEY, code);
            FacesContext faces = FacesContext.getCurrentInstance();
            if (faces != null && faces.getViewRoot() != null) {
                faces.getViewRoot().setLocale(Locale.forLanguageTag(code));
            }
        }
    }

    /**
     * The header's switch link: this page (same path and query) in language {@code code}.
     *
     * @param code {@code id} or {@code en}
     */
    public String switchUrl(String code) {
        HttpServletRequest req = request();
        return req.getRequestURI() + "?" + withLang(req.getQueryString(), code);
    }

    /** {@code query} with its {@code lang} parameter replaced by {@code code}. */
    static String withLang(String query, String code) {
        StringBuilder out = new StringBuilder();
        if (query != null) {
            for (String part : query.split("&")) {
                if (!part.isEmpty() && !part.startsWith("lang=")) {
                    out.append(part).append('&');
                }
            }
        }
        return out.append("lang=").append(SUPPORTED.contains(code) ? code : INDONESIAN).toString();
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
