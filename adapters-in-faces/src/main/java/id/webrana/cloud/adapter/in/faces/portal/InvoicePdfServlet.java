package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.security.PortalUser;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.application.port.in.AdminBillingUseCase;
import id.webrana.cloud.application.port.in.InvoicesUseCase;
import id.webrana.cloud.domain.shared.DomainException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Invoice PDFs: {@code /portal/invoice-pdf?id=} (the customer's own invoice only) and {@code /admin/invoice-pdf?id=}
 * (any invoice). Both paths sit under web.xml's constraints, so the caller is signed in with the right role before
 * this runs. Another customer's invoice is 404, like a missing one.
 */
@WebServlet(urlPatterns = {InvoicePdfServlet.PORTAL_PATH, InvoicePdfServlet.ADMIN_PATH})
public class InvoicePdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PORTAL_PATH = "/portal/invoice-pdf";
    static final String ADMIN_PATH = "/admin/invoice-pdf";

    @Inject
    transient InvoicesUseCase invoices;
    @Inject
    transient AdminBillingUseCase adminBilling;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Object signedIn = session == null ? null : session.getAttribute(PortalUser.SESSION_KEY);
        Optional<UUID> invoiceId = Inputs.uuid(request.getParameter("id"));
        if (!(signedIn instanceof PortalUser user)) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (invoiceId.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf;
        try {
            boolean admin = ADMIN_PATH.equals(request.getServletPath());
            if (admin && !user.isAdmin()) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            pdf = admin ? adminBilling.invoicePdf(invoiceId.get()) : invoices.invoicePdf(user.id(), invoiceId.get());
        } catch (DomainException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"invoice-" + invoiceId.get() + ".pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
