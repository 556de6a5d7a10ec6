package id.webrana.cloud.bootstrap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/** Creates the application's database on first start, through the {@code postgres} maintenance database. */
final class PostgresDatabaseCreator {

    private static final Logger LOG = Logger.getLogger(PostgresDatabaseCreator.class.getName());
    private static final String DUPLICATE_DATABASE = "42P04";

    private PostgresDatabaseCreator() {
    }

    /** @return true if the database was created, false if it already existed */
    static boolean createIfMissing(DatabaseSettings db) {
        // The driver is used directly: DriverManager does not see drivers in an EAR's lib/ reliably.
        try (Connection connection = new org.postgresql.Driver()
                .connect(db.urlFor("postgres"), db.connectionProperties())) {
            if (exists(connection, db.name())) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + quoteIdentifier(db.name()));
            } catch (SQLException e) {
                if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    return false; // created concurrently by someone else
                }
                throw e;
            }
            LOG.info(() -> "Created database " + db.name() + " on " + db.host() + ":" + db.port());
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach PostgreSQL at " + db.host() + ":" + db.port()
                    + " as " + db.user() + " to create database " + db.name() + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
