package id.webrana.cloud.adapter.out.persistence;

import java.sql.Connection;
import java.util.Map;
import java.util.logging.Logger;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Brings the schema up to date with {@value #CHANGELOG}. */
public final class LiquibaseMigrator {

    public static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
    public static final String DEMO_CONTEXT = "demo";

    private static final Logger LOG = Logger.getLogger(LiquibaseMigrator.class.getName());

    private LiquibaseMigrator() {
    }

    /**
     * Applies the pending change sets.
     *
     * @param seedDemo whether change sets with {@code context="demo"} run too
     */
    public static void migrate(DataSource dataSource, boolean seedDemo) {
        // "!demo" rather than no context: Liquibase runs every change set when no context is given
        String contexts = seedDemo ? DEMO_CONTEXT : "!" + DEMO_CONTEXT;
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(LiquibaseMigrator.class.getClassLoader()),
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    // no usage reporting to liquibase.com (and no waiting on it on a closed network)
                    "liquibase.analytics.enabled", Boolean.FALSE);
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
                    .execute());
        } catch (Exception e) { // Scope.child declares Exception
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
        LOG.info(() -> String.format("Database schema up to date (%s, contexts %s) in %d ms",
                CHANGELOG, contexts, (System.nanoTime() - start) / 1_000_000));
    }
}
