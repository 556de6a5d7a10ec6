package id.webrana.cloud.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import id.webrana.cloud.application.notification.TemplateCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

/**
 * The checked-in template seed ({@value TemplateSeedSql#RESOURCE}) is exactly what {@link TemplateSeedSql} renders
 * from {@link TemplateCatalog#defaultTemplates()}, so the catalog and the database's defaults never drift. Needs no
 * database, so a stale file can be regenerated even when it no longer migrates.
 */
class TemplateSeedFileTest {

    private static final String REGENERATE = "webrana.regenerateTemplateSeed";

    @Test
    void the_checked_in_seed_is_what_the_catalog_renders() throws Exception {
        String expected = TemplateSeedSql.render(TemplateCatalog.defaultTemplates());
        if (Boolean.getBoolean(REGENERATE)) {
            TemplateSeedSql.write(TemplateSeedSql.SOURCE); // the copy in target/classes is refreshed by the next build
            assertThat(Files.readString(TemplateSeedSql.SOURCE)).isEqualTo(expected);
            return;
        }

        assertThat(TestDatabase.templateSeed())
                .as("%s is out of date with TemplateCatalog; regenerate it: mvn -o -pl adapters-out-persistence test"
                        + " -Dtest=TemplateSeedFileTest -D%s=true", TemplateSeedSql.RESOURCE, REGENERATE)
                .isEqualTo(expected);
        if (Files.exists(TemplateSeedSql.SOURCE)) {
            assertThat(Files.readString(TemplateSeedSql.SOURCE)).as("the source file").isEqualTo(expected);
        }
    }
}
