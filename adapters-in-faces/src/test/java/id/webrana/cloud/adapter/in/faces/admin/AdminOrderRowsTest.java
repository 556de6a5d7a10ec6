package id.webrana.cloud.adapter.in.faces.admin;

import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.domain.account.Role;
import id.webrana.cloud.domain.account.UserAuditEvent;
import id.webrana.cloud.domain.order.OrderStatus;
import id.webrana.cloud.domain.provisioning.ProvisioningTask;
import id.webrana.cloud.domain.shared.Actor;
import id.webrana.cloud.domain.shared.BillingPeriod;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin order and user pages' texts built from enum names, ages, actors and the table's sort. */
class AdminOrderRowsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    @Test
    void every_label_built_from_a_name_exists_in_both_languages() {
        List<String> keys = new ArrayList<>();
        for (OrderStatus s : OrderStatus.values()) {
            keys.add("admin.orderStatus." + s.name());
        }
        for (ProvisioningTask.Status s : ProvisioningTask.Status.values()) {
            keys.add("admin.taskStatus." + s.name());
        }
        for (Actor.Type t : Actor.Type.values()) {
            keys.add("admin.actor." + t.name());
        }
        for (Role r : Role.values()) {
            keys.add("admin.role." + r.name());
        }
        for (UserAuditEvent.Type t : UserAuditEvent.Type.values()) {
            keys.add("admin.user.event." + t.name());
        }
        for (BillingPeriod p : BillingPeriod.values()) {
            keys.add("admin.period." + p.name());
        }
        for (AdminOrderPage.OperatorDecision d : AdminOrderPage.OperatorDecision.values()) {
            keys.add("admin.order." + d.name());
            keys.add("admin.order.explain." + d.name());
            keys.add("admin.order.done." + d.name());
        }
        for (AdminUserPage.Step s : AdminUserPage.Step.values()) {
            keys.add("admin.user." + s.name());
            keys.add("admin.user.explain." + s.name());
            keys.add("admin.user.done." + s.name());
        }
        for (String tag : new String[] {"id", "en"}) {
            assertThat(keys).as(tag).allSatisfy(k -> assertThat(Texts.get(Locale.forLanguageTag(tag), k))
                    .as(k).doesNotStartWith("???"));
        }
    }

    @Test
    void an_age_reads_in_minutes_hours_or_days() {
        Locale id = Locale.forLanguageTag("id");
        assertThat(AdminOrderRows.age(NOW.minus(Duration.ofMinutes(45)), NOW, id)).isEqualTo("45 mnt");
        assertThat(AdminOrderRows.age(NOW.minus(Duration.ofMinutes(185)), NOW, id)).isEqualTo("3 jam 5 mnt");
        assertThat(AdminOrderRows.age(NOW.minus(Duration.ofHours(52)), NOW, id)).isEqualTo("2 hari 4 jam");
        assertThat(AdminOrderRows.age(NOW.minus(Duration.ofHours(52)), NOW, Locale.forLanguageTag("en")))
                .isEqualTo("2 d 4 h");
        assertThat(AdminOrderRows.age(NOW.plusSeconds(30), NOW, id)).as("a clock slightly ahead").isEqualTo("0 mnt");
    }

    @Test
    void an_operator_or_customer_is_named_by_email_when_known_else_by_id() {
        Locale id = Locale.forLanguageTag("id");
        Actor admin = new Actor(Actor.Type.ADMIN, "a-1");

        assertThat(AdminOrderRows.actor(admin, x -> "ops@webrana.id", id)).isEqualTo("Admin ops@webrana.id");
        assertThat(AdminOrderRows.actor(admin, x -> null, id)).isEqualTo("Admin a-1");
        assertThat(AdminOrderRows.actor(Actor.system("provisioning"), x -> "never", id))
                .isEqualTo("Sistem (provisioning)");
        assertThat(AdminOrderRows.actor(new Actor(Actor.Type.API_KEY, "ops-bot"), x -> "never",
                Locale.forLanguageTag("en"))).isEqualTo("Integration ops-bot");
    }

    @Test
    void the_table_passes_the_clicked_column_and_direction_or_nothing() {
        Map<String, SortMeta> sortBy = new LinkedHashMap<>();
        assertThat(SortedPagedModel.sortOf(sortBy)).isEqualTo(new SortedPagedModel.Sort(null, false));
        assertThat(SortedPagedModel.sortOf(null)).isEqualTo(new SortedPagedModel.Sort(null, false));

        sortBy.put("hostname", SortMeta.builder().field("hostname").order(SortOrder.ASCENDING).build());
        assertThat(SortedPagedModel.sortOf(sortBy)).isEqualTo(new SortedPagedModel.Sort("hostname", true));

        sortBy.put("hostname", SortMeta.builder().field("hostname").order(SortOrder.DESCENDING).build());
        assertThat(SortedPagedModel.sortOf(sortBy)).isEqualTo(new SortedPagedModel.Sort("hostname", false));

        sortBy.put("hostname", SortMeta.builder().field("hostname").order(SortOrder.UNSORTED).build());
        assertThat(SortedPagedModel.sortOf(sortBy)).isEqualTo(new SortedPagedModel.Sort(null, false));
    }
}
