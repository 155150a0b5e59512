package dev.privet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlTest {

    @Test
    void replacesTheDatabaseAndKeepsParameters() {
        assertThat(JdbcUrl.withDatabase("jdbc:postgresql://db:5432/postgres?ssl=false&loggerLevel=OFF", "orders_1"))
                .isEqualTo("jdbc:postgresql://db:5432/orders_1?ssl=false&loggerLevel=OFF");
        assertThat(JdbcUrl.withDatabase("jdbc:postgresql://db:5432", "orders_1")).isEqualTo("jdbc:postgresql://db:5432/orders_1");
        assertThat(JdbcUrl.withDatabase("jdbc:postgresql://a:1,b:2/postgres", "x")).isEqualTo("jdbc:postgresql://a:1,b:2/x");
    }

    @Test
    void readsTheDatabase() {
        assertThat(JdbcUrl.databaseOf("jdbc:postgresql://db:5432/orders_1?ssl=false")).isEqualTo("orders_1");
        assertThat(JdbcUrl.databaseOf("jdbc:postgresql://db:5432")).isEmpty();
    }
}
