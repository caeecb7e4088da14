package dev.wareg.platform.messaging.jdbc;

import dev.wareg.platform.messaging.PersonKeys;
import dev.wareg.platform.messaging.PersonKeysContract;
import org.junit.jupiter.api.AfterEach;

/** Person keys in the bus's table, on a fresh schema of the test PostgreSQL. */
class JdbcPersonKeysIntegrationTests extends PersonKeysContract {

    private final TestBuses buses = new TestBuses();

    @Override
    protected PersonKeys emptyStore() {
        return new JdbcPersonKeys(buses.freshSchema());
    }

    @AfterEach
    void close() {
        buses.close();
    }
}
