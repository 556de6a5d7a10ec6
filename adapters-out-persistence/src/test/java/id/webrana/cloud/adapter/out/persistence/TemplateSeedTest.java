package id.webrana.cloud.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.notification.TemplateCatalog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A migrated database holds every one of {@link TemplateCatalog#defaultTemplates()}, unchanged, at version 0 (that
 * the seed file is what the catalog renders is {@link TemplateSeedFileTest}'s), and the seed never overwrites.
 */
class TemplateSeedTest extends PostgresTest {

    @Test
    void after_migration_every_default_template_is_stored_exactly_as_the_catalog_has_it() {
        List<NotificationTemplate> expected = TemplateCatalog.defaultTemplates().stream()
                .sorted(Comparator.comparing(NotificationTemplate::event).thenComparing(NotificationTemplate::channel)
                        .thenComparing(NotificationTemplate::language))
                .toList();

        List<NotificationTemplate> stored = db.inTx(db.templates::findAll);

        assertThat(db.count("SELECT COUNT(*) FROM notification_templates"))
                .isEqualTo(TemplateCatalog.defaultTemplates().size());
        assertThat(stored).containsExactlyElementsOf(expected);
        assertThat(db.count("SELECT COUNT(*) FROM notification_templates WHERE body LIKE '%' || chr(10) || '%'"))
                .as("line breaks are stored as line breaks").isPositive();
    }

    @Test
    void running_the_seed_again_inserts_the_missing_defaults_and_keeps_operators_edits() throws Exception {
        NotificationTemplate edited = TemplateCatalog.defaultTemplate(TemplateCatalog.VPS_ACTIVE, "EMAIL", "id")
                .orElseThrow().edited("Server siap: {{hostname}}", "Halo {{name}}, server Anda siap di {{ipv4}}.",
                        Instant.parse("2026-11-23T04:00:00Z"), "admin-1");
        db.inTx(() -> db.templates.save(edited));
        UUID removed = TemplateCatalog.templateId(TemplateCatalog.ORDER_CREATED, "IN_APP", "en");
        db.execute("DELETE FROM notification_templates WHERE id = ?", removed);

        db.execute(TestDatabase.templateSeed());

        assertThat(db.count("SELECT COUNT(*) FROM notification_templates"))
                .isEqualTo(TemplateCatalog.defaultTemplates().size());
        assertThat(db.inTx(() -> db.templates.findById(removed))).isEqualTo(TemplateCatalog.defaultTemplate(removed));
        assertThat(db.inTx(() -> db.templates.findById(edited.id()))).get().satisfies(t -> {
            assertThat(t.subject()).isEqualTo("Server siap: {{hostname}}");
            assertThat(t.version()).isEqualTo(1);
            assertThat(t.updatedBy()).isEqualTo("admin-1");
        });
    }
}
