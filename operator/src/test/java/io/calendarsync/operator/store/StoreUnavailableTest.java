package io.calendarsync.operator.store;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.ServerSocket;

import static io.calendarsync.operator.store.Entries.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreUnavailableTest {

  @Test
  void reportsAnUnreachableDatabaseAsUnavailable() throws IOException {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setURL("jdbc:postgresql://127.0.0.1:" + closedPort() + "/postgres");
    Store store = new Store(nowhere);

    assertThatThrownBy(() -> store.entries().find(key("anything")))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE))
        .hasMessageStartingWith("could not read schedule entry acme/anything");
    assertThatThrownBy(() -> new SchemaMigrator(nowhere).migrate())
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
