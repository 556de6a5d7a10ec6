package id.webrana.cloud.sandbox.tripay.web;

import id.webrana.cloud.sandbox.tripay.ChannelIcon;
import id.webrana.cloud.sandbox.tripay.ChannelSpec;
import id.webrana.cloud.sandbox.tripay.CheckoutPage;
import id.webrana.cloud.sandbox.tripay.QrCode;
import id.webrana.cloud.sandbox.tripay.Transaction;
import id.webrana.cloud.sandbox.tripay.TransactionStatus;
import id.webrana.cloud.sandbox.tripay.TripayException;
import id.webrana.cloud.sandbox.tripay.TripaySandbox;
import id.webrana.cloud.sandbox.tripay.TripayUrls;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Optional;

/**
 * The customer-facing pages of the simulated Tripay: the checkout page {@code /tripay/checkout/{reference}} (the
 * transaction's {@code checkout_url} and, for e-wallets, {@code pay_url}), its three sandbox buttons
 * ({@code POST /tripay/checkout/{reference}/pay|expire|fail}, answered with 303 back to the page), the QR image
 * {@code /tripay/qr/{reference}} ({@code qr_url}, SVG) and the channel icons {@code /tripay/icons/{CODE}.svg}.
 */
@Path(TripayPaths.ROOT)
@RequestScoped
public class TripayCheckoutResource {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private static final MediaType SVG = new MediaType("image", "svg+xml");

    private TripayService service;

    /** For CDI proxies and JAX-RS (which needs a public constructor to pick). */
    public TripayCheckoutResource() {
    }

    /** @param service the simulator holder */
    @Inject
    public TripayCheckoutResource(TripayService service) {
        this.service = service;
    }

    /**
     * @param reference the transaction reference
     * @param uriInfo the request URI, for the absolute URLs in the answer
     * @return the checkout page, or a 404 page
     */
    @GET
    @Path("checkout/{reference}")
    public Response page(@PathParam("reference") String reference, @Context UriInfo uriInfo) {
        Optional<Transaction> t = sandbox().find(reference);
        if (t.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).type(HTML).entity(CheckoutPage.notFound(reference)).build();
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(CheckoutPage.render(t.get(), urls(uriInfo), sandbox().credentials().merchantCode(),
                sandbox().clock().instant())).type(HTML).cacheControl(noStore).build();
    }

    /**
     * A sandbox button: the customer pays, lets the time run out, or the payment fails. Pressing a button of a
     * transaction that is no longer UNPAID changes nothing.
     *
     * @param reference the transaction reference
     * @param action {@code pay}, {@code expire} or {@code fail}
     * @param uriInfo the request URI, for the absolute URLs in the answer
     * @return 303 to the checkout page, or 404
     */
    @POST
    @Path("checkout/{reference}/{action: pay|expire|fail}")
    public Response act(@PathParam("reference") String reference, @PathParam("action") String action,
                        @Context UriInfo uriInfo) {
        if (sandbox().find(reference).isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).type(HTML).entity(CheckoutPage.notFound(reference)).build();
        }
        TransactionStatus status = switch (action) {
            case "pay" -> TransactionStatus.PAID;
            case "expire" -> TransactionStatus.EXPIRED;
            default -> TransactionStatus.FAILED;
        };
        try {
            sandbox().settle(reference, status);
        } catch (TripayException alreadyFinal) {
            // a double click or a stale page: the page shows the status it has
        }
        return Response.seeOther(URI.create(urls(uriInfo).checkout(reference))).build();
    }

    /**
     * @param reference a QRIS transaction reference
     * @return its QR code as SVG ({@code qr_url}), or 404
     */
    @GET
    @Path("qr/{reference}")
    public Response qr(@PathParam("reference") String reference) {
        Optional<Transaction> t = sandbox().find(reference).filter(x -> x.qrString() != null);
        if (t.isEmpty()) {
            throw TripayException.notFound("No QR code for " + reference);
        }
        return Response.ok(QrCode.encodeText(t.get().qrString(), QrCode.Ecc.MEDIUM).toSvg(4)).type(SVG).build();
    }

    /**
     * @param file {@code <CODE>.svg}
     * @return the channel's icon ({@code icon_url}), or 404
     */
    @GET
    @Path("icons/{file}")
    public Response icon(@PathParam("file") String file) {
        String code = file.endsWith(".svg") ? file.substring(0, file.length() - 4) : file;
        ChannelSpec channel = sandbox().channels().find(code)
                .orElseThrow(() -> TripayException.notFound("No icon " + file));
        return Response.ok(ChannelIcon.svg(channel)).type(SVG).build();
    }

    private TripaySandbox sandbox() {
        return service.sandbox();
    }

    private static TripayUrls urls(UriInfo uriInfo) {
        return new TripayUrls(uriInfo.getBaseUri().toString());
    }
}
