package dev.hotpath.orders;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Connections: rows are read while one is held, and every one is given back. */
@DisplayName("Connections")
class ConnectionTest {

    private final HistoryFixture fixture = new HistoryFixture();

    @Test
    @DisplayName("every row is read while the connection that fetched it is held")
    void rowsAreReadWhileTheConnectionIsHeld() {
        fixture.orders(3, 4, 3);
        fixture.page(3);
    }

    @Test
    @DisplayName("every connection is given back: twenty pages in a row from a pool of four")
    void connectionsAreGivenBack() {
        fixture.orders(3, 2, 1);
        for (int i = 0; i < 20; i++) {
            fixture.page(3);
        }
    }
}
