package io.keygate.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void createdDatabaseAcceptsQueriesDroppingRemovesItAndStoppingRemovesTheData() throws Exception {
        PostgresServer postgres = PostgresServer.start();
        try {
            postgres.createDatabase("token_service");
            postgres.createDatabase("token_service"); // idempotent
            try (var connection = DriverManager.getConnection(
                            postgres.jdbcUrl("token_service"), PostgresServer.USER, PostgresServer.PASSWORD);
                    ResultSet result =
                            connection.createStatement().executeQuery("SELECT current_database(), version()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("token_service");
                assertThat(result.getString(2)).startsWith("PostgreSQL");
            }
            postgres.dropDatabase("token_service");
            postgres.dropDatabase("token_service"); // idempotent
            try (var connection = DriverManager.getConnection(
                            postgres.jdbcUrl("postgres"), PostgresServer.USER, PostgresServer.PASSWORD);
                    ResultSet result = connection
                            .createStatement()
                            .executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'token_service'")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isZero();
            }
        } finally {
            postgres.close();
        }
        assertThat(postgres.reactiveUrl("x")).startsWith("postgresql://127.0.0.1:");
    }

    @Test
    void extraSettingsAreNameValuePairsSeparatedByCommas() {
        assertThat(PostgresServer.parseSettings(null)).isEmpty();
        assertThat(PostgresServer.parseSettings(" ")).isEmpty();
        assertThat(PostgresServer.parseSettings(
                        "shared_preload_libraries=pg_stat_statements, pg_stat_statements.track = all"))
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("shared_preload_libraries", "pg_stat_statements"),
                        org.assertj.core.api.Assertions.entry("pg_stat_statements.track", "all"));
        assertThatThrownBy(() -> PostgresServer.parseSettings("work_mem"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected name=value, got 'work_mem'");
    }
}
