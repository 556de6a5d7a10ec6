package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.portal.InvoiceRows.ChannelRow;
import id.webrana.cloud.adapter.in.faces.portal.OrderChoices.ImageChoice;
import id.webrana.cloud.adapter.in.faces.portal.OrderChoices.PlanChoice;
import id.webrana.cloud.adapter.in.faces.portal.OrderRows.PriceLines;
import id.webrana.cloud.adapter.in.faces.support.CurrentUser;
import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Inputs;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.application.port.in.BrowseCatalogUseCase;
import id.webrana.cloud.application.port.in.InvoicesUseCase;
import id.webrana.cloud.application.port.in.InvoicesUseCase.CreateInvoiceCommand;
import id.webrana.cloud.application.port.in.InvoicesUseCase.InvoiceDetails;
import id.webrana.cloud.application.port.in.InvoicesUseCase.PayInvoiceCommand;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase;
import id.webrana.cloud.application.port.in.PlaceOrderUseCase.PlaceOrderCommand;
import id.webrana.cloud.application.port.in.QuotePriceUseCase;
import id.webrana.cloud.application.port.in.QuotePriceUseCase.QuoteCommand;
import id.webrana.cloud.application.port.in.WalletUseCase;
import id.webrana.cloud.domain.billing.PaymentMethod;
import id.webrana.cloud.domain.order.Hostname;
import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;
import id.webrana.cloud.domain.shared.Money;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /portal/order.xhtml}: the order wizard. Steps: plan (with a period switch) → image (only those the plan
 * allows) → hostname and SSH keys → coupon → price breakdown → payment method and pay. The price breakdown (base,
 * promo, coupon, final) is quoted again through {@link QuotePriceUseCase} whenever a choice changes and shown beside
 * every step. Everything lives in this view-scoped bean and no input has a Faces validator, so a refused step keeps
 * everything typed and shows the reason next to its input. Paying places the order, takes its invoice and pays it
 * with the chosen channel (then the order's page shows the pay code and checkout link and follows the payment) or
 * from the wallet (paid at once). {@code ?plan=&period=} (the landing page's links) pre-select a plan.
 */
@Named
@ViewScoped
public class OrderWizard implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "wizard";
    static final int PLAN = 1;
    static final int IMAGE = 2;
    static final int SERVER = 3;
    static final int COUPON = 4;
    static final int REVIEW = 5;
    static final int PAYMENT = 6;
    static final List<String> STEP_KEYS = List.of("order.step.plan", "order.step.image", "order.step.server",
            "order.step.coupon", "order.step.review", "order.step.payment");

    @Inject
    BrowseCatalogUseCase catalog;
    @Inject
    QuotePriceUseCase quotes;
    @Inject
    PlaceOrderUseCase placing;
    @Inject
    InvoicesUseCase invoices;
    @Inject
    WalletUseCase wallet;
    @Inject
    CurrentUser me;

    private String planParam;
    private String periodParam;
    private int step = PLAN;
    private String period = "MONTHLY";
    private String planId;
    private String imageId;
    private String hostname;
    private String sshKeys;
    private String couponInput;
    private String appliedCoupon;
    private String method;
    private List<PlanChoice> plans = List.of();
    private List<ImageChoice> images = List.of();
    private PriceLines quote;
    private String quoteProblem;
    private List<ChannelRow> channels = List.of();
    private String walletBalance;
    private boolean walletCovers;
    private UUID placedOrderId;

    /** View action on GET: the catalog, and the plan and period the link asked for. */
    public void init() {
        Locale l = Formats.pageLocale();
        plans = catalog.listPlans().stream().map(o -> OrderChoices.plan(o, l)).toList();
        OrderChoices.period(periodParam).ifPresent(p -> period = p);
        Inputs.uuid(planParam).map(UUID::toString).flatMap(this::plan).filter(p -> p.soldFor(period))
                .ifPresent(p -> planId = p.id());
        loadImages();
        requote();
    }

    // ------------------------------------------------------------------ choices

    /** The period switch: prices change; a plan not sold for it is unselected. */
    public void choosePeriod(String chosen) {
        OrderChoices.period(chosen).ifPresent(p -> period = p);
        if (selectedPlan().filter(p -> !p.soldFor(period)).isPresent()) {
            planId = null;
            imageId = null;
            images = List.of();
        }
        requote();
    }

    public void choosePlan(String id) {
        Optional<PlanChoice> chosen = plan(id);
        if (chosen.isEmpty() || !chosen.get().soldFor(period)) {
            Texts.fieldError(FORM + ":plans", "order.plan.notForPeriod");
            return;
        }
        planId = chosen.get().id();
        loadImages();
        requote();
    }

    public void chooseImage(String id) {
        if (images.stream().anyMatch(i -> i.id().equals(id))) {
            imageId = id;
            requote();
        }
    }

    public void chooseMethod(String code) {
        if (PaymentMethod.WALLET.equals(code) ? walletCovers : channels.stream().anyMatch(c -> c.code().equals(code))) {
            method = code;
        }
    }

    /** "Pakai": applies the coupon typed (or removes it when the input is empty). */
    public void apply() {
        applyCoupon();
    }

    /** Applies the coupon typed (or removes it when the input is empty); false when it does not apply. */
    private boolean applyCoupon() {
        String typed = Inputs.text(couponInput);
        if (typed == null) {
            appliedCoupon = null;
            requote();
            return true;
        }
        if (planId == null) {
            return true;
        }
        try {
            quote = OrderRows.price(quotes.quote(new QuoteCommand(me.id(), uuid(planId), uuidOrNull(imageId), period,
                    typed)));
            appliedCoupon = quote.couponCode() == null ? typed.toUpperCase(Locale.ROOT) : quote.couponCode();
            couponInput = appliedCoupon;
            quoteProblem = null;
            return true;
        } catch (DomainException e) {
            if (e.code() == ErrorCode.INVALID_COUPON || e.code() == ErrorCode.COUPON_NOT_FOUND) {
                Texts.fieldError(FORM + ":coupon", OrderChoices.couponReasonKey(e.getMessage()));
            } else {
                Texts.error(e);
            }
            FacesContext.getCurrentInstance().validationFailed();
            return false;
        }
    }

    public void removeCoupon() {
        couponInput = null;
        appliedCoupon = null;
        requote();
    }

    // ------------------------------------------------------------------ steps

    /** "Lanjut": checks this step; on success shows the next one. */
    public void next() {
        switch (step) {
            case PLAN -> {
                if (selectedPlan().filter(p -> p.soldFor(period)).isEmpty()) {
                    refuse("plans", "order.plan.required");
                    return;
                }
            }
            case IMAGE -> {
                if (imageId == null || images.stream().noneMatch(i -> i.id().equals(imageId))) {
                    refuse("images", "order.image.required");
                    return;
                }
            }
            case SERVER -> {
                if (!checkServer()) {
                    return;
                }
            }
            case COUPON -> {
                String typed = Inputs.text(couponInput);
                boolean changed = typed == null ? appliedCoupon != null : !typed.equalsIgnoreCase(appliedCoupon);
                if (changed && !applyCoupon()) {
                    return;
                }
            }
            case REVIEW -> {
                requote();
                if (quote == null) {
                    Texts.error("order.quote.unavailable");
                    return;
                }
                loadPaymentChoices();
            }
            default -> {
                return;
            }
        }
        step++;
    }

    /** "Kembali": the previous step, keeping everything. */
    public void back() {
        if (step > PLAN && placedOrderId == null) {
            step--;
        }
    }

    /** A done step's name in the step bar: goes back to it. */
    public void goTo(int target) {
        if (target >= PLAN && target < step && placedOrderId == null) {
            step = target;
        }
    }

    private boolean checkServer() {
        boolean ok = true;
        try {
            hostname = new Hostname(hostname).value();
        } catch (DomainException e) {
            Texts.fieldError(FORM + ":hostname", "order.hostname.invalid");
            ok = false;
        }
        List<String> keys = OrderChoices.sshKeys(sshKeys);
        Optional<Integer> bad = OrderChoices.firstBadKeyLine(sshKeys);
        if (keys.size() > OrderChoices.MAX_SSH_KEYS) {
            Texts.fieldError(FORM + ":ssh-keys", "order.sshKeys.tooMany", OrderChoices.MAX_SSH_KEYS);
            ok = false;
        } else if (bad.isPresent()) {
            Texts.fieldError(FORM + ":ssh-keys", "order.sshKeys.badLine", bad.get());
            ok = false;
        }
        if (!ok) {
            FacesContext.getCurrentInstance().validationFailed();
        }
        return ok;
    }

    /**
     * "Bayar": places the order (once, even when paying is tried again), then pays its invoice with the chosen
     * method and opens the order's page, which shows the payment to make or the progress.
     */
    public String pay() {
        if (method == null) {
            refuse("methods", "order.method.required");
            return null;
        }
        if (placedOrderId == null && !place()) {
            return null;
        }
        try {
            UUID invoiceId = invoices.createInvoice(new CreateInvoiceCommand(me.id(), placedOrderId, null)).id();
            InvoiceDetails paid = invoices.pay(new PayInvoiceCommand(me.id(), invoiceId, method));
            return "/portal/order-detail?faces-redirect=true&id=" + placedOrderId
                    + (paid.invoice().isUnpaid() && paid.openAttempt() == null ? "&payment=failed" : "");
        } catch (DomainException e) {
            Texts.error(e);
            loadPaymentChoices();
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
    }

    private boolean place() {
        try {
            placedOrderId = placing.placeOrder(new PlaceOrderCommand(me.id(), uuid(planId), uuidOrNull(imageId),
                    period, hostname, appliedCoupon, OrderChoices.sshKeys(sshKeys))).id();
            return true;
        } catch (DomainException e) {
            switch (e.code()) {
                case INVALID_HOSTNAME -> backTo(SERVER, "hostname", "order.hostname.invalid");
                case INVALID_COUPON, COUPON_NOT_FOUND -> {
                    appliedCoupon = null;
                    backTo(COUPON, "coupon", OrderChoices.couponReasonKey(e.getMessage()));
                    requote();
                }
                case INVALID_PLAN, INVALID_DURATION, PLAN_NOT_FOUND -> backTo(PLAN, "plans", "order.plan.unavailable");
                case INVALID_IMAGE, IMAGE_NOT_FOUND -> backTo(IMAGE, "images", "order.image.unavailable");
                case VALIDATION_ERROR -> {
                    if (e.getMessage() != null && e.getMessage().contains("SSH")) {
                        backTo(SERVER, "ssh-keys", "order.sshKeys.invalid");
                    } else {
                        Texts.error(e);
                    }
                }
                default -> Texts.error(e);
            }
            FacesContext.getCurrentInstance().validationFailed();
            return false;
        }
    }

    private void backTo(int target, String field, String key) {
        step = target;
        Texts.fieldError(FORM + ":" + field, key);
    }

    private void refuse(String field, String key) {
        Texts.fieldError(FORM + ":" + field, key);
        FacesContext.getCurrentInstance().validationFailed();
    }

    // ------------------------------------------------------------------ loading

    private void loadImages() {
        if (planId == null) {
            images = List.of();
            imageId = null;
            return;
        }
        try {
            images = catalog.getPlan(uuid(planId)).images().stream().map(OrderChoices::image).toList();
        } catch (DomainException e) {
            images = List.of();
            Texts.error(e);
        }
        if (imageId != null && images.stream().noneMatch(i -> i.id().equals(imageId))) {
            imageId = null;
        }
    }

    /** Prices the choices again; a coupon that no longer applies to them is taken off, with a word why. */
    private void requote() {
        if (planId == null) {
            quote = null;
            quoteProblem = null;
            return;
        }
        try {
            quote = OrderRows.price(quotes.quote(new QuoteCommand(me.id(), uuid(planId), uuidOrNull(imageId), period,
                    appliedCoupon)));
            quoteProblem = null;
        } catch (DomainException e) {
            if (appliedCoupon != null && (e.code() == ErrorCode.INVALID_COUPON
                    || e.code() == ErrorCode.COUPON_NOT_FOUND)) {
                Texts.error("order.coupon.dropped", appliedCoupon, Texts.get(OrderChoices.couponReasonKey(e.getMessage())));
                appliedCoupon = null;
                requote();
                return;
            }
            quote = null;
            quoteProblem = Texts.get("order.quote.unavailable");
        }
    }

    private void loadPaymentChoices() {
        if (quote == null) {
            return;
        }
        Money amount = Money.rupiah(quote.finalRupiah());
        try {
            channels = invoices.paymentChannels().stream().filter(c -> c.accepts(amount))
                    .map(c -> InvoiceRows.channel(c, amount)).toList();
        } catch (DomainException e) {
            channels = List.of();
            Texts.error(e);
        }
        long balance = wallet.balance(me.id()).rupiah();
        walletBalance = Formats.money(balance);
        walletCovers = balance >= quote.finalRupiah();
        if (method != null && !(PaymentMethod.WALLET.equals(method) ? walletCovers
                : channels.stream().anyMatch(c -> c.code().equals(method)))) {
            method = null;
        }
    }

    private Optional<PlanChoice> plan(String id) {
        return plans.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    private static UUID uuidOrNull(String id) {
        return id == null ? null : UUID.fromString(id);
    }

    // ------------------------------------------------------------------ for the page

    public Optional<PlanChoice> selectedPlan() {
        return planId == null ? Optional.empty() : plan(planId);
    }

    public PlanChoice getPlan() {
        return selectedPlan().orElse(null);
    }

    public ImageChoice getImage() {
        return imageId == null ? null : images.stream().filter(i -> i.id().equals(imageId)).findFirst().orElse(null);
    }

    public String getPeriodLabel() {
        return Texts.get("order.period." + period);
    }

    public int getSshKeyCount() {
        return OrderChoices.sshKeys(sshKeys).size();
    }

    /** The name of the chosen payment method. */
    public String getMethodName() {
        if (method == null) {
            return null;
        }
        if (PaymentMethod.WALLET.equals(method)) {
            return Texts.get("order.method.wallet");
        }
        return channels.stream().filter(c -> c.code().equals(method)).map(ChannelRow::name).findFirst().orElse(method);
    }

    /** The chosen channel's total (price plus fee), or the price when paying from the wallet. */
    public String getMethodTotal() {
        if (method == null || quote == null) {
            return null;
        }
        return channels.stream().filter(c -> c.code().equals(method)).map(ChannelRow::total).findFirst()
                .orElse(quote.finalPrice());
    }

    public List<String> getStepKeys() {
        return STEP_KEYS;
    }

    public boolean isPlaced() {
        return placedOrderId != null;
    }

    public String getPlacedOrderId() {
        return placedOrderId == null ? null : placedOrderId.toString();
    }

    public int getStep() {
        return step;
    }

    public String getPeriod() {
        return period;
    }

    public List<String> getPeriods() {
        return List.of("DAILY", "MONTHLY", "YEARLY");
    }

    public String getPlanId() {
        return planId;
    }

    public String getImageId() {
        return imageId;
    }

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public String getSshKeys() {
        return sshKeys;
    }

    public void setSshKeys(String sshKeys) {
        this.sshKeys = sshKeys;
    }

    public String getCouponInput() {
        return couponInput;
    }

    public void setCouponInput(String couponInput) {
        this.couponInput = couponInput;
    }

    public String getAppliedCoupon() {
        return appliedCoupon;
    }

    public String getMethod() {
        return method;
    }

    public List<PlanChoice> getPlans() {
        return plans;
    }

    public List<ImageChoice> getImages() {
        return images;
    }

    public PriceLines getQuote() {
        return quote;
    }

    public String getQuoteProblem() {
        return quoteProblem;
    }

    public List<ChannelRow> getChannels() {
        return channels;
    }

    public String getWalletBalance() {
        return walletBalance;
    }

    public boolean isWalletCovers() {
        return walletCovers;
    }

    public String getPlanParam() {
        return planParam;
    }

    public void setPlanParam(String planParam) {
        this.planParam = planParam;
    }

    public String getPeriodParam() {
        return periodParam;
    }

    public void setPeriodParam(String periodParam) {
        this.periodParam = periodParam;
    }
}
