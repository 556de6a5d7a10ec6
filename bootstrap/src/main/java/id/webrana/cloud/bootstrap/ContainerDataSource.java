package id.webrana.cloud.bootstrap;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** The server's {@code jdbc/webrana} data source (server.xml; non-transactional, PostgreSQL). */
final class ContainerDataSource {

    static final String JNDI_NAME = "jdbc/webrana";

    private ContainerDataSource() {
    }

    static DataSource lookup() {
        try {
            return (DataSource) new InitialContext().lookup(JNDI_NAME);
        } catch (NamingException e) {
            throw new IllegalStateException("No data source at " + JNDI_NAME + " (server.xml)", e);
        }
    }
}
