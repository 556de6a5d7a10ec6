package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.adapter.in.rest.dto.Requests.QuoteRequest;
import id.webrana.cloud.adapter.in.rest.dto.Views.ImageView;
import id.webrana.cloud.adapter.in.rest.dto.Views.PlanView;
import id.webrana.cloud.adapter.in.rest.dto.Views.QuoteView;
import id.webrana.cloud.application.port.in.BrowseCatalogUseCase;
import id.webrana.cloud.application.port.in.QuotePriceUseCase;
import id.webrana.cloud.application.port.in.QuotePriceUseCase.QuoteCommand;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The public catalog, price quotes and coupon checks. A bearer token is optional (per-user coupon limits). */
@Path("/api/v1/catalog")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "What can be ordered, no token needed: active VPS plans with their rupiah prices "
        + "per billing period (DAILY, MONTHLY, YEARLY; running promotions already applied), the OS images each plan "
        + "offers, price quotes and coupon checks. A bearer token is optional; when present, per-user coupon limits "
        + "are checked for that user.")
public class CatalogResource {

    @Inject BrowseCatalogUseCase catalog;
    @Inject QuotePriceUseCase quotes;
    @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security;

    @GET
    @Path("/plans")
    @Operation(summary = "Active VPS plans with rupiah prices per billing period (promos applied)",
            description = "Active plans in display order. Each price shows the base price, the discount of a running "
                    + "promotion (`promoName` only when one applies) and the final price, in whole rupiah; `images` "
                    + "are the active images the plan can be ordered with.")
    @APIResponse(responseCode = "200", description = "Plans", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PlanView.class),
            examples = @ExampleObject(name = "plans", value = ApiExamples.PLANS)))
    public List<PlanView> plans() {
        return catalog.listPlans().stream().map(PlanView::of).toList();
    }

    @GET
    @Path("/plans/{id}")
    @Operation(summary = "One active plan",
            description = "The plan with its prices (promotions applied) and images. An inactive, unknown or "
                    + "malformed id is 404.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanView.class),
            examples = @ExampleObject(name = "plan with a yearly promo", value = ApiExamples.PLAN)))
    @APIResponse(responseCode = "404", description = "`PLAN_NOT_FOUND`", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "PLAN_NOT_FOUND", value = ApiExamples.PLAN_NOT_FOUND)))
    public PlanView plan(@Parameter(description = "Plan id", example = "22222222-0000-0000-0000-000000000003")
                         @PathParam("id") String id) {
        return PlanView.of(catalog.getPlan(Ids.parse(id, ErrorCode.PLAN_NOT_FOUND, "Plan id")));
    }

    @GET
    @Path("/images")
    @Operation(summary = "Active OS and application images",
            description = "Every active image (`kind` OS or APP); which ones a plan offers is in the plan's `images`.")
    @APIResponse(responseCode = "200", description = "Images", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ImageView.class),
            examples = @ExampleObject(name = "images", value = ApiExamples.IMAGES)))
    public List<ImageView> images() {
        return catalog.listImages().stream().map(ImageView::of).toList();
    }

    @GET
    @Path("/images/{id}")
    @Operation(summary = "One active image", description = "An inactive, unknown or malformed id is 404.")
    @APIResponse(responseCode = "200", description = "The image", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImageView.class),
            examples = @ExampleObject(name = "image", value = ApiExamples.IMAGE)))
    @APIResponse(responseCode = "404", description = "`IMAGE_NOT_FOUND`", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "IMAGE_NOT_FOUND", value = ApiExamples.IMAGE_NOT_FOUND)))
    public ImageView image(@Parameter(description = "Image id", example = "11111111-0000-0000-0000-000000002404")
                           @PathParam("id") String id) {
        return ImageView.of(catalog.getImage(Ids.parse(id, ErrorCode.IMAGE_NOT_FOUND, "Image id")));
    }

    @POST
    @Path("/quote")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Price breakdown before ordering: base, promo, coupon, final",
            description = "The same computation as placing an order, without ordering: the plan's price for the "
                    + "period, a running promotion, then the coupon (optional; `imageId` too). Amounts are whole "
                    + "rupiah. With a bearer token the coupon's per-user limit is checked for that user.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = RestApplication.BEARER_SCHEME))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QuoteRequest.class), examples = {
                    @ExampleObject(name = "with a coupon", value = ApiExamples.QUOTE_REQUEST_COUPON),
                    @ExampleObject(name = "with a promotion", value = ApiExamples.QUOTE_REQUEST_PROMO)}))
    @APIResponse(responseCode = "200", description = "Breakdown", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteView.class), examples = {
                    @ExampleObject(name = "with a coupon", value = ApiExamples.QUOTE_COUPON),
                    @ExampleObject(name = "with a promotion", value = ApiExamples.QUOTE_PROMO)}))
    @APIResponse(responseCode = "400", description = "`INVALID_PLAN` (missing, malformed, unknown or inactive plan), "
            + "`INVALID_IMAGE` (not offered with the plan), `INVALID_DURATION` (period not DAILY, MONTHLY or YEARLY, "
            + "or not sold for the plan), `INVALID_COUPON` (with the reason), `MALFORMED_JSON`, `VALIDATION_ERROR` "
            + "(no body)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "INVALID_PLAN", value = ApiExamples.INVALID_PLAN),
                    @ExampleObject(name = "INVALID_IMAGE", value = ApiExamples.INVALID_IMAGE),
                    @ExampleObject(name = "INVALID_DURATION", value = ApiExamples.INVALID_DURATION),
                    @ExampleObject(name = "INVALID_COUPON", value = ApiExamples.COUPON_EXPIRED),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    public QuoteView quote(QuoteRequest body) {
        Ids.require(body);
        return QuoteView.of(quotes.quote(command(body)));
    }

    @POST
    @Path("/coupons/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a coupon for a plan and period",
            description = "Same computation as /quote, but `couponCode` is required. With a bearer token the "
                    + "coupon's per-user limit is checked for that user.")
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = RestApplication.BEARER_SCHEME))
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QuoteRequest.class),
            examples = @ExampleObject(name = "coupon", value = ApiExamples.COUPON_CHECK_REQUEST)))
    @APIResponse(responseCode = "200", description = "The coupon applies; the breakdown shows its discount",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QuoteView.class),
                    examples = @ExampleObject(name = "applies", value = ApiExamples.COUPON_CHECK)))
    @APIResponse(responseCode = "400", description = "`INVALID_COUPON` with the reason (missing, unknown, inactive, not "
            + "yet valid, expired, exhausted, used up by this user, below its minimum order, not for this plan or "
            + "period); also `INVALID_PLAN`, `INVALID_IMAGE`, `INVALID_DURATION`, `MALFORMED_JSON`", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "expired", value = ApiExamples.COUPON_EXPIRED),
                    @ExampleObject(name = "wrong period", value = ApiExamples.COUPON_WRONG_PERIOD),
                    @ExampleObject(name = "no coupon", value = ApiExamples.COUPON_REQUIRED),
                    @ExampleObject(name = "INVALID_PLAN", value = ApiExamples.INVALID_PLAN),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    public QuoteView validateCoupon(QuoteRequest body) {
        Ids.require(body);
        if (body.couponCode() == null || body.couponCode().isBlank()) {
            throw new id.webrana.cloud.domain.shared.DomainException(ErrorCode.INVALID_COUPON, "A coupon code is required");
        }
        return QuoteView.of(quotes.quote(command(body)));
    }

    private QuoteCommand command(QuoteRequest body) {
        return new QuoteCommand(CurrentUser.idOrNull(security), Ids.parse(body.planId(), ErrorCode.INVALID_PLAN, "planId"),
                Ids.parseOptional(body.imageId(), ErrorCode.INVALID_IMAGE, "imageId"), body.period(), body.couponCode());
    }
}
