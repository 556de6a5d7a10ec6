package id.webrana.cloud.adapter.in.faces.publicpages;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The addresses the account emails link to ({@code /app/verify-email?token=} and {@code /app/reset-password?token=},
 * built by the account service from {@code PUBLIC_BASE_URL}): each is sent on to its page
 * ({@code verify-email.xhtml}, {@code reset-password.xhtml}) with the token, so the links stay short and do not
 * depend on how Faces pages are mapped.
 */
@WebServlet(urlPatterns = {EmailLinkServlet.VERIFY_EMAIL, EmailLinkServlet.RESET_PASSWORD})
public class EmailLinkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String VERIFY_EMAIL = "/verify-email";
    static final String RESET_PASSWORD = "/reset-password";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.sendRedirect(request.getContextPath() + pageFor(request.getServletPath(), request.getParameter("token")));
    }

    /** The page a link path opens, with its token (if any): {@code /verify-email.xhtml?token=...}. */
    static String pageFor(String linkPath, String token) {
        String page = (RESET_PASSWORD.equals(linkPath) ? RESET_PASSWORD : VERIFY_EMAIL) + ".xhtml";
        return token == null || token.isBlank() ? page
                : page + "?token=" + URLEncoder.encode(token.trim(), StandardCharsets.UTF_8);
    }
}
