package id.webrana.cloud.bootstrap;

import id.webrana.cloud.adapter.out.persistence.LiquibaseMigrator;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of its own for one test, on the local PostgreSQL (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD): named
 * {@code <prefix><12 random hex digits>}, created and migrated by {@link #createAndMigrate}, dropped (with any
 * session still connected to it) by {@link #drop}, and read with {@link #scalar}/{@link #count}.
 *
 * <p>Constructing one touches nothing yet, so its {@link #name()} can be used in field initializers.
 */
final class ThrowAwayDatabase {

    private final String name;
    private final String applicationName;
    private final PGSimpleDataSource dataSource;

    /**
     * @param prefix          the start of the database's name, e.g. {@code "webrana_crash_"}
     * @param applicationName what PostgreSQL shows as the test's sessions' {@code application_name}
     */
    ThrowAwayDatabase(String prefix, String applicationName) {
        this.name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        this.applicationName = applicationName;
        this.dataSource = dataSource(name, applicationName);
    }

    /** The data source of {@code database} on the local PostgreSQL (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD). */
    static PGSimpleDataSource dataSource(String database, String applicationName) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {env("DB_HOST", "127.0.0.1")});
        ds.setPortNumbers(new int[] {Integer.parseInt(env("DB_PORT", "5432"))});
        ds.setDatabaseName(database);
        ds.setUser(env("DB_USER", "postgres"));
        String password = env("DB_PASSWORD", "");
        if (!password.isEmpty()) {
            ds.setPassword(password);
        }
        ds.setApplicationName(applicationName);
        return ds;
    }

    String name() {
        return name;
    }

    PGSimpleDataSource dataSource() {
        return dataSource;
    }

    /** Creates the database and migrates it with {@link LiquibaseMigrator}, with or without the demo data. */
    void createAndMigrate(boolean seedDemo) {
        executeOnServer("CREATE DATABASE " + name);
        LiquibaseMigrator.migrate(dataSource, seedDemo);
    }

    /** Drops the database if it exists, ending the sessions still connected to it. */
    void drop() {
        executeOnServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The first column of the first row {@code sql} selects, or {@code null} without a row. */
    Object scalar(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** {@link #scalar} as a number, for {@code COUNT(*)} and other numeric columns. */
    long count(String sql, Object... params) {
        return ((Number) scalar(sql, params)).longValue();
    }

    /** Runs {@code sql} in the server's maintenance database {@code postgres}, outside this one. */
    private void executeOnServer(String sql) {
        try (Connection c = dataSource("postgres", applicationName).getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
