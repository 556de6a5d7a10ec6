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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The public catalog, price quotes and coupon checks. A bearer token is optional (per-user coupon limits). */
@Path("/api/v1/catalog")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class CatalogResource {

    @Inject BrowseCatalogUseCase catalog;
    @Inject QuotePriceUseCase quotes;
    @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security;

    @GET
    @Path("/plans")
    @Operation(summary = "Active VPS plans with rupiah prices per billing period (promos applied)")
    @APIResponse(responseCode = "200", description = "Plans", content = @Content(examples = @ExampleObject(name = "plans",
            value = "[{\"id\":\"22222222-0000-0000-0000-000000000001\",\"name\":\"Basic 1 GB\",\"sizeSlug\":\"s-1vcpu-1gb\",\"vcpu\":1,\"memoryMb\":1024,\"diskGb\":25,\"transferTb\":1,\"prices\":[{\"period\":\"MONTHLY\",\"basePrice\":90000,\"promoDiscount\":0,\"finalPrice\":90000}]}]")))
    public List<PlanView> plans() {
        return catalog.listPlans().stream().map(PlanView::of).toList();
    }

    @GET
    @Path("/plans/{id}")
    @Operation(summary = "One active plan")
    @APIResponse(responseCode = "404", description = "PLAN_NOT_FOUND")
    public PlanView plan(@PathParam("id") String id) {
        return PlanView.of(catalog.getPlan(Ids.parse(id, ErrorCode.PLAN_NOT_FOUND, "Plan id")));
    }

    @GET
    @Path("/images")
    @Operation(summary = "Active OS and application images")
    public List<ImageView> images() {
        return catalog.listImages().stream().map(ImageView::of).toList();
    }

    @GET
    @Path("/images/{id}")
    @Operation(summary = "One active image")
    @APIResponse(responseCode = "404", description = "IMAGE_NOT_FOUND")
    public ImageView image(@PathParam("id") String id) {
        return ImageView.of(catalog.getImage(Ids.parse(id, ErrorCode.IMAGE_NOT_FOUND, "Image id")));
    }

    @POST
    @Path("/quote")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Price breakdown before ordering: base, promo, coupon, final")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "quote",
            value = "{\"planId\":\"22222222-0000-0000-0000-000000000001\",\"imageId\":\"11111111-0000-0000-0000-000000002404\",\"period\":\"MONTHLY\",\"couponCode\":\"HEMAT10\"}")))
    @APIResponse(responseCode = "200", description = "Breakdown", content = @Content(examples = @ExampleObject(name = "breakdown",
            value = "{\"period\":\"MONTHLY\",\"basePrice\":90000,\"promoDiscount\":0,\"couponDiscount\":9000,\"couponCode\":\"HEMAT10\",\"totalDiscount\":9000,\"finalPrice\":81000,\"currency\":\"IDR\"}")))
    @APIResponse(responseCode = "400", description = "INVALID_PLAN, INVALID_IMAGE, INVALID_DURATION, INVALID_COUPON")
    public QuoteView quote(QuoteRequest body) {
        Ids.require(body);
        return QuoteView.of(quotes.quote(command(body)));
    }

    @POST
    @Path("/coupons/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a coupon for a plan and period", description = "Same computation as /quote; a coupon is required.")
    @APIResponse(responseCode = "200", description = "The coupon applies; the breakdown shows its discount")
    @APIResponse(responseCode = "400", description = "INVALID_COUPON with the reason (expired, exhausted, not for this plan...)")
    public QuoteView validateCoupon(QuoteRequest body) {
        Ids.require(body);
        if (body.couponCode() == null || body.couponCode().isBlank()) {
            throw new id.webrana.cloud.domain.shared.DomainException(ErrorCode.INVALID_COUPON, "A coupon code is required");
        }
        return QuoteView.of(quotes.quote(command(body)));
    }

    private QuoteCommand command(QuoteRequest body) {
        return new QuoteCommand(CurrentUser.idOrNull(security.getUserPrincipal() instanceof JsonWebToken jwt ? jwt : null), Ids.parse(body.planId(), ErrorCode.INVALID_PLAN, "planId"),
                Ids.parseOptional(body.imageId(), ErrorCode.INVALID_IMAGE, "imageId"), body.period(), body.couponCode());
    }
}
