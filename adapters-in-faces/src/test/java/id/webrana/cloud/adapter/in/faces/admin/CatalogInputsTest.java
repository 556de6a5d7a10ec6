package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.admin.CatalogInputs.NotANumber;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.domain.catalog.CatalogViolation;
import id.webrana.cloud.domain.catalog.Discount;
import id.webrana.cloud.domain.catalog.PlanPromo;
import id.webrana.cloud.domain.catalog.VpsImage;
import id.webrana.cloud.domain.catalog.VpsPlan;
import id.webrana.cloud.domain.shared.BillingPeriod;
import id.webrana.cloud.domain.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading what operators type into the catalog forms, and the catalog's texts in both languages. */
class CatalogInputsTest {

    @Test
    void amounts_are_read_with_thousands_dots_a_rupiah_sign_and_a_minus() throws NotANumber {
        assertThat(CatalogInputs.number("90000", "x")).isEqualTo(90_000L);
        assertThat(CatalogInputs.number(" Rp 1.500.000 ", "x")).isEqualTo(1_500_000L);
        assertThat(CatalogInputs.number("rp90.000", "x")).isEqualTo(90_000L);
        assertThat(CatalogInputs.number("-5000", "x")).isEqualTo(-5_000L);
        assertThat(CatalogInputs.number("", "x")).isNull();
        assertThat(CatalogInputs.number(null, "x")).isNull();
        assertThat(CatalogInputs.integer("1.024", "x")).isEqualTo(1024);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,5", "12a", "--1", "9999999999999999"})
    void anything_else_is_not_a_number_of_its_field(String text) {
        assertThatThrownBy(() -> CatalogInputs.number(text, "prices.MONTHLY")).isInstanceOfSatisfying(
                NotANumber.class, e -> assertThat(e.field).isEqualTo("prices.MONTHLY"));
    }

    @Test
    void a_required_number_refuses_blank_and_an_int_refuses_what_does_not_fit() {
        assertThatThrownBy(() -> CatalogInputs.required(" ", "vcpu")).isInstanceOf(NotANumber.class);
        assertThatThrownBy(() -> CatalogInputs.integer("3000000000", "sortOrder")).isInstanceOf(NotANumber.class);
    }

    @Test
    void form_times_are_jakarta_wall_clock_times() {
        Instant utc = Instant.parse("2026-08-16T17:00:00Z");
        assertThat(CatalogInputs.jakarta(utc)).isEqualTo(LocalDateTime.parse("2026-08-17T00:00:00"));
        assertThat(CatalogInputs.instant(LocalDateTime.parse("2026-08-17T00:00:00"))).isEqualTo(utc);
        assertThat(CatalogInputs.instant(null)).isNull();
        assertThat(CatalogInputs.jakarta(null)).isNull();
    }

    @Test
    void discounts_read_as_a_percent_or_rupiah() {
        assertThat(CatalogInputs.discount(Discount.percent(15))).isEqualTo("15%");
        assertThat(CatalogInputs.discount(Discount.fixed(25_000))).isEqualTo("Rp 25.000");
    }

    @Test
    void every_catalog_rule_status_period_and_kind_has_a_text_in_both_languages() {
        List<String> keys = new ArrayList<>();
        for (CatalogViolation.Rule r : CatalogViolation.Rule.values()) {
            keys.add(CatalogInputs.RULE_KEY + r.name());
        }
        for (PlanPromo.Status s : PlanPromo.Status.values()) {
            keys.add("admin.catalog.promos.status." + s.name());
        }
        for (BillingPeriod p : BillingPeriod.values()) {
            keys.add("admin.catalog.period." + p.name());
        }
        for (Discount.Type t : Discount.Type.values()) {
            keys.add("admin.catalog.discountType." + t.name());
        }
        for (VpsImage.Kind k : VpsImage.Kind.values()) {
            keys.add("admin.catalog.images.kind." + k.name());
        }
        keys.addAll(List.of("admin.catalog.invalid.number", "admin.catalog.plans.activated",
                "admin.catalog.plans.deactivated", "admin.catalog.plans.deleted", "admin.catalog.plans.keptInactive",
                "admin.catalog.images.activated", "admin.catalog.images.deactivated",
                "admin.catalog.coupons.activated", "admin.catalog.coupons.deactivated", "admin.catalog.inactive",
                "admin.catalog.coupons.upTo", "admin.catalog.coupons.unrestricted"));
        for (String tag : new String[] {"id", "en"}) {
            ResourceBundle bundle = ResourceBundle.getBundle(Texts.BUNDLE, Locale.forLanguageTag(tag));
            assertThat(keys.stream().filter(k -> !bundle.containsKey(k)).toList()).as("missing in " + tag).isEmpty();
        }
        assertThat(Texts.get(Locale.forLanguageTag("id"), "admin.catalog.rule.PRICE_TOO_LOW"))
                .isEqualTo("Harga harus minimal Rp 1.");
        assertThat(Texts.get(Locale.forLanguageTag("en"), "admin.catalog.plans.saved", "Basic"))
                .isEqualTo("Plan Basic saved.");
    }

    @Test
    void every_field_a_rule_names_has_an_input_on_its_form() {
        Map<String, String> plans = CatalogPlansSection.INPUTS;
        assertThat(plans).containsKeys("name", "sizeSlug", "vcpu", "memoryMb", "diskGb", "transferTb", "sortOrder",
                "prices", "prices.DAILY", "prices.MONTHLY", "prices.YEARLY", "imageIds");
        assertThat(CatalogImagesSection.INPUTS).containsKeys("name", "distribution", "providerSlug", "kind");
        assertThat(CatalogPromosSection.INPUTS).containsKeys("planId", "period", "name", "discountType",
                "discountValue", "endsAt");
        assertThat(CatalogCouponsSection.INPUTS).containsKeys("code", "discountType", "discountValue", "maxDiscount",
                "validUntil", "totalLimit", "perUserLimit", "minimumOrder", "planIds", "periods");
    }

    @Test
    void a_plan_row_shows_its_prices_specs_and_image_names() {
        UUID ubuntu = UUID.randomUUID();
        VpsPlan plan = VpsPlan.create(new VpsPlan.PlanSpec("Basic 1 GB", "s-1vcpu-1gb", 1, 1024, 25, 1), 10,
                Map.of(BillingPeriod.MONTHLY, Money.rupiah(90_000), BillingPeriod.YEARLY, Money.rupiah(900_000)),
                Set.of(ubuntu));

        CatalogPlansSection.Row row = CatalogPlansSection.row(plan, Map.of(ubuntu, "Ubuntu 24.04 LTS"));

        assertThat(row.monthly()).isEqualTo("Rp 90.000");
        assertThat(row.yearly()).isEqualTo("Rp 900.000");
        assertThat(row.daily()).isEqualTo("—");
        assertThat(row.specs()).isEqualTo("1 vCPU · 1 GB RAM · 25 GB SSD · 1 TB");
        assertThat(row.images()).isEqualTo("Ubuntu 24.04 LTS");
        assertThat(row.active()).isTrue();
    }
}
