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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Catalog maintenance for operators: plans with prices and images, images, coupons, promos. */
@Path("/internal/catalog")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal: catalog")
@APIResponse(responseCode = "400", description = "VALIDATION_ERROR (and INVALID_* codes) with the reason")
public class InternalCatalogResource {

    @Inject ManageCatalogUseCase catalog;

    @GET
    @Path("/plans")
    @Operation(summary = "All plans, active or not")
    public List<AdminPlanView> plans() {
        return catalog.allPlans().stream().map(AdminPlanView::of).toList();
    }

    @POST
    @Path("/plans")
    @Operation(summary = "Create a plan")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "plan",
            value = "{\"name\":\"Basic 1 GB\",\"sizeSlug\":\"s-1vcpu-1gb\",\"vcpu\":1,\"memoryMb\":1024,\"diskGb\":25,\"transferTb\":1,\"active\":true,\"sortOrder\":10,\"prices\":{\"DAILY\":3000,\"MONTHLY\":90000,\"YEARLY\":900000},\"imageIds\":[\"11111111-0000-0000-0000-000000002404\"]}")))
    @APIResponse(responseCode = "201", description = "Created")
    public Response createPlan(PlanRequest body) {
        return Response.status(201).entity(AdminPlanView.of(catalog.savePlan(plan(null, body)))).build();
    }

    @PUT
    @Path("/plans/{id}")
    @Operation(summary = "Replace a plan's details, prices and images")
    public AdminPlanView updatePlan(@PathParam("id") String id, PlanRequest body) {
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
    @Operation(summary = "All images, active or not")
    public List<ImageView> images() {
        return catalog.allImages().stream().map(ImageView::of).toList();
    }

    @POST
    @Path("/images")
    @Operation(summary = "Create an image")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "image",
            value = "{\"name\":\"Ubuntu 24.04 LTS\",\"distribution\":\"Ubuntu\",\"providerSlug\":\"ubuntu-24-04-x64\",\"kind\":\"OS\",\"active\":true}")))
    @APIResponse(responseCode = "201", description = "Created")
    public Response createImage(ImageRequest body) {
        return Response.status(201).entity(ImageView.of(catalog.saveImage(image(null, body)))).build();
    }

    @PUT
    @Path("/images/{id}")
    @Operation(summary = "Update an image")
    public ImageView updateImage(@PathParam("id") String id, ImageRequest body) {
        return ImageView.of(catalog.saveImage(image(Ids.parse(id, ErrorCode.IMAGE_NOT_FOUND, "Image id"), body)));
    }

    private static ImageCommand image(UUID id, ImageRequest b) {
        Ids.require(b);
        return new ImageCommand(id, b.name(), b.distribution(), b.providerSlug(), b.kind(),
                b.active() == null || b.active());
    }

    @GET
    @Path("/coupons")
    @Operation(summary = "All coupons with their redemption counts")
    public List<CouponView> coupons() {
        return catalog.allCoupons().stream().map(CouponView::of).toList();
    }

    @POST
    @Path("/coupons")
    @Operation(summary = "Create a coupon")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "coupon",
            value = "{\"code\":\"HEMAT10\",\"discountType\":\"PERCENT\",\"discountValue\":10,\"maxDiscount\":50000,\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2027-01-01T00:00:00Z\",\"totalLimit\":1000,\"perUserLimit\":1,\"periods\":[\"MONTHLY\",\"YEARLY\"],\"active\":true}")))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "DUPLICATE_CODE")
    public Response createCoupon(CouponRequest body) {
        return Response.status(201).entity(CouponView.of(catalog.saveCoupon(coupon(null, body)))).build();
    }

    @PUT
    @Path("/coupons/{id}")
    @Operation(summary = "Update a coupon's terms (the code stays)")
    public CouponView updateCoupon(@PathParam("id") String id, CouponRequest body) {
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
    @Operation(summary = "All plan promotions")
    public List<PromoView> promos() {
        return catalog.allPromos().stream().map(PromoView::of).toList();
    }

    @POST
    @Path("/promos")
    @Operation(summary = "Create a time-limited promotion on a plan and period")
    @APIResponse(responseCode = "201", description = "Created")
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
