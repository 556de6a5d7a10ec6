package id.webrana.cloud.adapter.in.rest;

import id.webrana.cloud.adapter.in.rest.dto.Requests.CouponRequest;
import id.webrana.cloud.adapter.in.rest.dto.Requests.ImageRequest;
import id.webrana.cloud.adapter.in.rest.dto.Requests.PlanRequest;
import id.webrana.cloud.adapter.in.rest.dto.Requests.PromoRequest;
import id.webrana.cloud.adapter.in.rest.dto.Views.AdminPlanView;
import id.webrana.cloud.adapter.in.rest.dto.Views.CouponView;
import id.webrana.cloud.adapter.in.rest.dto.Views.ImageView;
import id.webrana.cloud.adapter.in.rest.dto.Views.PromoView;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.CouponCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.ImageCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PlanCommand;
import id.webrana.cloud.application.port.in.ManageCatalogUseCase.PromoCommand;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import java.util.UUID;

/** Catalog maintenance for operators: plans with prices and images, images, coupons, promos. */
@Path("/internal/catalog")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: catalog", description = "Operators only (internal): maintain the catalog customers see. "
        + "Plans (hardware on a provider size slug, a rupiah price per billing period, the images offered), images "
        + "(provider image slugs), coupons and time-limited plan promotions; inactive entries are listed here but "
        + "hidden from /api/v1/catalog. Send `X-API-Key` or an administrator's bearer token.")
@SecurityRequirementsSet(@SecurityRequirement(name = RestApplication.API_KEY_SCHEME))
@SecurityRequirementsSet(@SecurityRequirement(name = RestApplication.BEARER_SCHEME))
@APIResponse(responseCode = "401", description = ApiExamples.INTERNAL_401, content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                @ExampleObject(name = "INVALID_API_KEY", value = ApiExamples.INVALID_API_KEY),
                @ExampleObject(name = "UNAUTHENTICATED", value = ApiExamples.UNAUTHENTICATED)}))
@APIResponse(responseCode = "403", description = ApiExamples.INTERNAL_403, content = @Content(
        mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
        examples = @ExampleObject(name = "FORBIDDEN", value = ApiExamples.ADMINISTRATORS_ONLY)))
public class InternalCatalogResource {

    @Inject ManageCatalogUseCase catalog;

    @GET
    @Path("/plans")
    @Operation(summary = "All plans, active or not",
            description = "Every plan with its list prices per period (promotions not applied), the ids of the "
                    + "images it offers, and its `version` (optimistic locking).")
    @APIResponse(responseCode = "200", description = "Plans", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AdminPlanView.class),
            examples = @ExampleObject(name = "plans", value = ApiExamples.ADMIN_PLANS)))
    public List<AdminPlanView> plans() {
        return catalog.allPlans().stream().map(AdminPlanView::of).toList();
    }

    @POST
    @Path("/plans")
    @Operation(summary = "Create a plan",
            description = "`sizeSlug` is the provider's size (e.g. DigitalOcean `s-1vcpu-1gb`); `prices` maps "
                    + "DAILY/MONTHLY/YEARLY to whole rupiah (at least one period, each at least Rp 1; a period "
                    + "left out is not sold); `imageIds` are the images offered. `vcpu`, `memoryMb` and `diskGb` "
                    + "are required; `active` defaults to true, `transferTb` and `sortOrder` to 0.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanRequest.class),
            examples = @ExampleObject(name = "plan", value = ApiExamples.PLAN_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminPlanView.class),
            examples = @ExampleObject(name = "created", value = ApiExamples.PLAN_CREATED)))
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR` (missing hardware field, no or bad price, "
            + "bad name or size slug, unknown period), `INVALID_IMAGE` (unknown image id), `MALFORMED_JSON`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "missing field", value = ApiExamples.PLAN_FIELD_MISSING),
                    @ExampleObject(name = "no price", value = ApiExamples.PLAN_NEEDS_PRICE),
                    @ExampleObject(name = "INVALID_IMAGE", value = ApiExamples.INVALID_IMAGE),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    public Response createPlan(PlanRequest body) {
        return Response.status(201).entity(AdminPlanView.of(catalog.savePlan(plan(null, body)))).build();
    }

    @PUT
    @Path("/plans/{id}")
    @Operation(summary = "Replace a plan's details, prices and images",
            description = "Same body as creating a plan; every field is replaced (prices and images as a whole). "
                    + "Orders already placed keep the price they were placed at. Set `active` false to stop selling "
                    + "the plan.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlanRequest.class),
            examples = @ExampleObject(name = "new prices", value = ApiExamples.PLAN_UPDATE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The plan after the change", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminPlanView.class),
            examples = @ExampleObject(name = "updated", value = ApiExamples.PLAN_UPDATED)))
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR`, `INVALID_IMAGE` or `MALFORMED_JSON`, as "
            + "when creating", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "no price", value = ApiExamples.PLAN_NEEDS_PRICE),
                    @ExampleObject(name = "INVALID_IMAGE", value = ApiExamples.INVALID_IMAGE),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    @APIResponse(responseCode = "404", description = "`PLAN_NOT_FOUND` (also for a malformed id)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "PLAN_NOT_FOUND", value = ApiExamples.PLAN_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "`CONCURRENT_MODIFICATION`: someone else changed the plan at the "
            + "same time; reload and retry", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "CONCURRENT_MODIFICATION", value = ApiExamples.CONCURRENT_MODIFICATION)))
    public AdminPlanView updatePlan(@Parameter(description = "Plan id", example = "22222222-0000-0000-0000-000000000001")
                                    @PathParam("id") String id, PlanRequest body) {
        return AdminPlanView.of(catalog.savePlan(plan(Ids.parse(id, ErrorCode.PLAN_NOT_FOUND, "Plan id"), body)));
    }

    private static PlanCommand plan(UUID id, PlanRequest b) {
        Ids.require(b);
        return new PlanCommand(id, b.name(), b.sizeSlug(), num(b.vcpu(), "vcpu"), num(b.memoryMb(), "memoryMb"),
                num(b.diskGb(), "diskGb"), b.transferTb() == null ? 0 : b.transferTb(),
                b.active() == null || b.active(), b.sortOrder() == null ? 0 : b.sortOrder(), b.prices(), b.imageIds());
    }

    @GET
    @Path("/images")
    @Operation(summary = "All images, active or not",
            description = "Every image, including those no longer offered (`active` false).")
    @APIResponse(responseCode = "200", description = "Images", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ImageView.class),
            examples = @ExampleObject(name = "images", value = ApiExamples.ADMIN_IMAGES)))
    public List<ImageView> images() {
        return catalog.allImages().stream().map(ImageView::of).toList();
    }

    @POST
    @Path("/images")
    @Operation(summary = "Create an image",
            description = "`providerSlug` is the provider's image (e.g. DigitalOcean `debian-12-x64`); `kind` is OS "
                    + "(default) or APP; `active` defaults to true. Offer it with a plan through the plan's "
                    + "`imageIds`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImageRequest.class),
            examples = @ExampleObject(name = "image", value = ApiExamples.IMAGE_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImageView.class),
            examples = @ExampleObject(name = "created", value = ApiExamples.IMAGE_CREATED)))
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR` (name, slug or kind) or `MALFORMED_JSON`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "unknown kind", value = ApiExamples.IMAGE_KIND_UNKNOWN),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    public Response createImage(ImageRequest body) {
        return Response.status(201).entity(ImageView.of(catalog.saveImage(image(null, body)))).build();
    }

    @PUT
    @Path("/images/{id}")
    @Operation(summary = "Update an image",
            description = "Same body as creating; every field is replaced. Set `active` false to stop offering it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImageRequest.class),
            examples = @ExampleObject(name = "deactivate", value = ApiExamples.IMAGE_DEACTIVATE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The image after the change", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImageView.class),
            examples = @ExampleObject(name = "deactivated", value = ApiExamples.IMAGE_DEACTIVATED)))
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR` (name, slug or kind) or `MALFORMED_JSON`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "unknown kind", value = ApiExamples.IMAGE_KIND_UNKNOWN),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    @APIResponse(responseCode = "404", description = "`IMAGE_NOT_FOUND` (also for a malformed id)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "IMAGE_NOT_FOUND", value = ApiExamples.IMAGE_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "`CONCURRENT_MODIFICATION`: someone else changed the image at "
            + "the same time; reload and retry", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "CONCURRENT_MODIFICATION", value = ApiExamples.CONCURRENT_MODIFICATION)))
    public ImageView updateImage(@Parameter(description = "Image id", example = "11111111-0000-0000-0000-000000002204")
                                 @PathParam("id") String id, ImageRequest body) {
        return ImageView.of(catalog.saveImage(image(Ids.parse(id, ErrorCode.IMAGE_NOT_FOUND, "Image id"), body)));
    }

    private static ImageCommand image(UUID id, ImageRequest b) {
        Ids.require(b);
        return new ImageCommand(id, b.name(), b.distribution(), b.providerSlug(), b.kind(),
                b.active() == null || b.active());
    }

    @GET
    @Path("/coupons")
    @Operation(summary = "All coupons with their redemption counts",
            description = "Empty `planIds` / `periods` mean every plan / every period; limits and amounts left out "
                    + "are unlimited / unset.")
    @APIResponse(responseCode = "200", description = "Coupons", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CouponView.class),
            examples = @ExampleObject(name = "coupons", value = ApiExamples.COUPONS)))
    public List<CouponView> coupons() {
        return catalog.allCoupons().stream().map(CouponView::of).toList();
    }

    @POST
    @Path("/coupons")
    @Operation(summary = "Create a coupon",
            description = "`code`: 3..32 letters, digits, - or _. `discountType` PERCENT (`discountValue` 1..100, "
                    + "optionally capped by `maxDiscount` rupiah) or FIXED (`discountValue` rupiah). Optional: "
                    + "validity window (`validFrom`/`validUntil`, ISO-8601 UTC), `totalLimit` and `perUserLimit` "
                    + "redemptions, `minimumOrder` rupiah, `planIds` and `periods` it is restricted to (empty: all).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CouponRequest.class),
            examples = @ExampleObject(name = "coupon", value = ApiExamples.COUPON_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CouponView.class),
            examples = @ExampleObject(name = "created", value = ApiExamples.COUPON_CREATED)))
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR` (discount missing or out of range, window "
            + "ending before it starts, limits below 1, negative amounts, unknown period), `INVALID_COUPON` (code "
            + "format), `MALFORMED_JSON` (e.g. a time that is not ISO-8601)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "out of range", value = ApiExamples.DISCOUNT_OUT_OF_RANGE),
                    @ExampleObject(name = "no discount", value = ApiExamples.DISCOUNT_REQUIRED),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    @APIResponse(responseCode = "409", description = "`DUPLICATE_CODE`: a coupon with this code exists", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "DUPLICATE_CODE", value = ApiExamples.DUPLICATE_CODE)))
    public Response createCoupon(CouponRequest body) {
        return Response.status(201).entity(CouponView.of(catalog.saveCoupon(coupon(null, body)))).build();
    }

    @PUT
    @Path("/coupons/{id}")
    @Operation(summary = "Update a coupon's terms (the code stays)",
            description = "Same body as creating; the terms are replaced, the code and the redemption count stay.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CouponRequest.class),
            examples = @ExampleObject(name = "new terms", value = ApiExamples.COUPON_UPDATE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The coupon after the change", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CouponView.class),
            examples = @ExampleObject(name = "updated", value = ApiExamples.COUPON_UPDATED)))
    @APIResponse(responseCode = "400", description = "`VALIDATION_ERROR` or `MALFORMED_JSON`, as when creating",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "out of range", value = ApiExamples.DISCOUNT_OUT_OF_RANGE),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    @APIResponse(responseCode = "404", description = "`COUPON_NOT_FOUND` (also for a malformed id)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "COUPON_NOT_FOUND", value = ApiExamples.COUPON_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "`CONCURRENT_MODIFICATION`: someone else changed the coupon at "
            + "the same time; reload and retry", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA),
            examples = @ExampleObject(name = "CONCURRENT_MODIFICATION", value = ApiExamples.CONCURRENT_MODIFICATION)))
    public CouponView updateCoupon(@Parameter(description = "Coupon id", example = "44444444-0000-0000-0000-000000000001")
                                   @PathParam("id") String id, CouponRequest body) {
        return CouponView.of(catalog.saveCoupon(coupon(Ids.parse(id, ErrorCode.COUPON_NOT_FOUND, "Coupon id"), body)));
    }

    private static CouponCommand coupon(UUID id, CouponRequest b) {
        Ids.require(b);
        if (b.discountType() == null || b.discountValue() == null) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "discountType and discountValue are required");
        }
        return new CouponCommand(id, b.code(), b.discountType(), b.discountValue(), b.maxDiscount(), b.validFrom(),
                b.validUntil(), b.totalLimit(), b.perUserLimit(), b.minimumOrder(), b.planIds(), b.periods(),
                b.active() == null || b.active());
    }

    @GET
    @Path("/promos")
    @Operation(summary = "All plan promotions",
            description = "Every promotion, past, running and future; the catalog applies those running now.")
    @APIResponse(responseCode = "200", description = "Promotions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = PromoView.class),
            examples = @ExampleObject(name = "promos", value = ApiExamples.PROMOS)))
    public List<PromoView> promos() {
        return catalog.allPromos().stream().map(PromoView::of).toList();
    }

    @POST
    @Path("/promos")
    @Operation(summary = "Create a time-limited promotion on a plan and period",
            description = "While it runs (`startsAt` to `endsAt`, ISO-8601 UTC) the plan's price for that period is "
                    + "shown and sold with the discount: PERCENT (`discountValue` 1..100) or FIXED rupiah. Coupons "
                    + "apply on top.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PromoRequest.class),
            examples = @ExampleObject(name = "promo", value = ApiExamples.PROMO_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromoView.class),
            examples = @ExampleObject(name = "created", value = ApiExamples.PROMO_CREATED)))
    @APIResponse(responseCode = "400", description = "`INVALID_PLAN` (missing, malformed or unknown plan), "
            + "`INVALID_DURATION` (period), `VALIDATION_ERROR` (discount, window, name) or `MALFORMED_JSON`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = RestApplication.ERROR_SCHEMA), examples = {
                    @ExampleObject(name = "INVALID_PLAN", value = ApiExamples.INVALID_PLAN),
                    @ExampleObject(name = "INVALID_DURATION", value = ApiExamples.INVALID_DURATION),
                    @ExampleObject(name = "bad window", value = ApiExamples.PROMO_ENDS_BEFORE_START),
                    @ExampleObject(name = "MALFORMED_JSON", value = ApiExamples.MALFORMED_JSON)}))
    public Response createPromo(PromoRequest b) {
        Ids.require(b);
        if (b.discountType() == null || b.discountValue() == null) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "discountType and discountValue are required");
        }
        var promo = catalog.createPromo(new PromoCommand(Ids.parse(b.planId(), ErrorCode.INVALID_PLAN, "planId"),
                b.period(), b.name(), b.discountType(), b.discountValue(), b.startsAt(), b.endsAt()));
        return Response.status(201).entity(PromoView.of(promo)).build();
    }

    private static int num(Integer value, String name) {
        if (value == null) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, name + " is required");
        }
        return value;
    }
}
