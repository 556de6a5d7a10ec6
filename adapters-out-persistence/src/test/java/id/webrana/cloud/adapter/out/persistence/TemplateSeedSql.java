package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.application.notification.NotificationTemplate;
import id.webrana.cloud.application.notification.TemplateCatalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates {@value #RESOURCE}, the Liquibase change set that seeds {@code notification_templates} with
 * {@link TemplateCatalog#defaultTemplates()}. {@code TemplateSeedFileTest} fails when the checked-in file differs
 * from what this class renders; regenerate it with
 * {@code mvn -o -pl adapters-out-persistence test -Dtest=TemplateSeedFileTest -Dwebrana.regenerateTemplateSeed=true}
 * (or by running {@link #main} from the module directory).
 *
 * <p>The change set is {@code runOnChange}: when the catalog changes, Liquibase runs it again, and
 * {@code ON CONFLICT DO NOTHING} makes it insert only the templates not stored yet (a new event, a new channel).
 * Rows already stored, operators' edits or not, are never overwritten.
 */
final class TemplateSeedSql {

    static final String RESOURCE = "db/changelog/0004-notification-templates.sql";
    static final Path SOURCE = Path.of("src/main/resources").resolve(RESOURCE);

    private TemplateSeedSql() {
    }

    /** The file's content for these templates (the catalog's defaults in production). */
    static String render(List<NotificationTemplate> templates) {
        StringBuilder sql = new StringBuilder();
        sql.append("--liquibase formatted sql\n\n");
        sql.append("-- GENERATED from TemplateCatalog.defaultTemplates() by TemplateSeedSql (test sources); do not edit.\n");
        sql.append("-- TemplateSeedFileTest fails when this file and the catalog differ. Re-run when the catalog changes:\n");
        sql.append("-- only templates not stored yet are inserted; stored rows (and operators' edits) stay as they are.\n\n");
        sql.append("--changeset webrana:0004-notification-templates runOnChange:true splitStatements:false\n");
        sql.append("--comment: The default notification templates (").append(templates.size()).append(" rows)\n");
        sql.append("INSERT INTO notification_templates (id, event, channel, language, subject, body, version,"
                + " updated_at, updated_by) VALUES\n");
        for (int i = 0; i < templates.size(); i++) {
            NotificationTemplate t = templates.get(i);
            if (t.updatedAt() != null || t.updatedBy() != null) {
                throw new IllegalArgumentException("a default template has no editor: " + t.id());
            }
            sql.append("('").append(t.id()).append("', ").append(literal(t.event())).append(", ")
                    .append(literal(t.channel())).append(", ").append(literal(t.language())).append(", ")
                    .append(literal(t.subject())).append(", ").append(literal(t.body())).append(", ")
                    .append(t.version()).append(", NULL, NULL)").append(i + 1 < templates.size() ? ",\n" : "\n");
        }
        sql.append("ON CONFLICT DO NOTHING;\n");
        return sql.toString();
    }

    /**
     * A PostgreSQL string literal on one line whatever the text (an escape string {@code E'...'} when it has line
     * breaks or backslashes), so Liquibase never sees a line of a template's text, which could start with
     * {@code --changeset}.
     */
    static String literal(String text) {
        if (text.contains("${")) {
            throw new IllegalArgumentException("'${' would be read as a Liquibase property: " + text);
        }
        boolean plain = text.chars().noneMatch(c -> c == '\\' || c < 0x20);
        StringBuilder sb = new StringBuilder(plain ? "'" : "E'");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("''");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('\'').toString();
    }

    /** Writes the file from the catalog; run with the module directory as working directory. */
    public static void main(String[] args) throws IOException {
        write(args.length > 0 ? Path.of(args[0]) : SOURCE);
    }

    static void write(Path target) throws IOException {
        Files.writeString(target, render(TemplateCatalog.defaultTemplates()), StandardCharsets.UTF_8);
    }
}
