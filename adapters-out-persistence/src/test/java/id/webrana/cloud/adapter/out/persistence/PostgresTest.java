package id.webrana.cloud.adapter.out.persistence;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the tests against real PostgreSQL: the run's {@link TestDatabase} (migrated, with the
 * demo catalog), emptied of users, orders, tasks, instances and notifications before each test.
 */
@ExtendWith(TestDatabase.Extension.class)
abstract class PostgresTest {

    protected TestDatabase db;

    @BeforeEach
    void startFromAnEmptyShop(TestDatabase database) {
        this.db = database;
        database.cleanOperationalData();
    }
}
