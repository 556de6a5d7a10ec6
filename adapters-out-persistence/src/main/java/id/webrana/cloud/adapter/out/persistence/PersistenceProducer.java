package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.application.port.out.TransactionRunner;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Creates the persistence unit on the server's {@code jdbc/webrana} data source, lazily on first
 * use (after start-up has created and migrated the database), and offers the transaction port.
 */
@ApplicationScoped
public class PersistenceProducer {

    public static final String DATA_SOURCE_JNDI = "jdbc/webrana";

    private volatile EntityManagerFactory emf;

    synchronized EntityManagerFactory emf() {
        if (emf == null) {
            emf = JpaUnit.create(lookupDataSource());
        }
        return emf;
    }

    public static DataSource lookupDataSource() {
        try {
            return (DataSource) new InitialContext().lookup(DATA_SOURCE_JNDI);
        } catch (NamingException e) {
            throw new IllegalStateException("No data source at " + DATA_SOURCE_JNDI + " (server.xml)", e);
        }
    }

    @Produces
    @ApplicationScoped
    public TransactionRunner transactionRunner() {
        return new LazyRunner(this);
    }

    /** Defers creating the EntityManagerFactory until the first transaction. */
    static final class LazyRunner implements TransactionRunner {
        private final PersistenceProducer producer;
        private volatile JpaTransactionRunner delegate;

        LazyRunner(PersistenceProducer producer) {
            this.producer = producer;
        }

        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            JpaTransactionRunner d = delegate;
            if (d == null) {
                d = new JpaTransactionRunner(producer.emf());
                delegate = d;
            }
            return d.inTransaction(work);
        }
    }

    @PreDestroy
    void close() {
        if (emf != null) {
            emf.close();
        }
    }
}
