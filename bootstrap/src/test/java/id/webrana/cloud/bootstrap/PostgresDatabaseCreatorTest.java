package id.webrana.cloud.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against the local PostgreSQL (127.0.0.1:5432, trust auth, as on the dev machines and CI). */
class PostgresDatabaseCreatorTest {

    private final DatabaseSettings db = new DatabaseSettings(
            env("DB_HOST", "127.0.0.1"), Integer.parseInt(env("DB_PORT", "5432")),
            "webrana_creator_test_" + UUID.randomUUID().toString().substring(0, 8),
            env("DB_USER", "postgres"), env("DB_PASSWORD", ""));

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection c = new org.postgresql.Driver().connect(db.urlFor("postgres"), db.connectionProperties());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + PostgresDatabaseCreator.quoteIdentifier(db.name()));
        }
    }

    @Test
    void createsTheDatabaseOnceThenLeavesItAlone() throws Exception {
        assertThat(PostgresDatabaseCreator.createIfMissing(db)).isTrue();
        assertThat(PostgresDatabaseCreator.createIfMissing(db)).isFalse();

        try (Connection c = new org.postgresql.Driver().connect(db.urlFor(db.name()), db.connectionProperties())) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void unreachableServerGivesAClearError() {
        DatabaseSettings nowhere = new DatabaseSettings("127.0.0.1", 1, "x", "postgres", "");

        assertThatThrownBy(() -> PostgresDatabaseCreator.createIfMissing(nowhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot reach PostgreSQL at 127.0.0.1:1");
    }

    @Test
    void quotesIdentifiers() {
        assertThat(PostgresDatabaseCreator.quoteIdentifier("we\"brana")).isEqualTo("\"we\"\"brana\"");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
