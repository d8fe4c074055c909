package io.calendarsync.operator.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

/** Brings schema {@value #SCHEMA} up to date with the migrations in {@code db/migration}. */
public final class SchemaMigrator {

  public static final String SCHEMA = "calendar_sync";

  private final DataSource dataSource;

  public SchemaMigrator(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Applies the pending migrations and returns how many ran (0 when the schema is current). Replicas may call this at
   * the same time: Flyway serialises them with an advisory lock.
   */
  public int migrate() {
    Flyway flyway = Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .createSchemas(true)
        .locations("classpath:db/migration")
        .load();
    try {
      return flyway.migrate().migrationsExecuted;
    } catch (FlywayException e) {
      throw StoreException.of("migrate schema " + SCHEMA, e);
    }
  }
}
