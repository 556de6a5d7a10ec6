package id.webrana.cloud.bootstrap;

import java.util.Properties;

/**
 * Where the PostgreSQL database lives: the same {@code DB_*} settings (env vars, defaults in server.xml) that
 * configure the {@code jdbc/webrana} data source.
 */
record DatabaseSettings(String host, int port, String name, String user, String password) {

    /** A JDBC URL for another database on the same server, e.g. the {@code postgres} maintenance database. */
    String urlFor(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Properties connectionProperties() {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "webrana-bootstrap");
        return props;
    }
}
