package dev.hotpath.orders;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Batched queries must respect the store's IN-list cap and still return everything. */
@DisplayName("Batched queries")
class BatchingTest {

    private final HistoryFixture fixture = new HistoryFixture();

    @Test
    @DisplayName("a customer with more orders than one IN list holds gets all of them")
    void moreOrdersThanOneInListHolds() {
        fixture.orders(5, 250, 2);
        assertEquals(500, fixture.page(5).lines());
    }

    @Test
    @DisplayName("exactly as many orders as one IN list holds, and one more")
    void inListBoundaries() {
        fixture.orders(6, 100, 1);
        fixture.orders(7, 101, 1);
        assertEquals(100, fixture.page(6).lines());
        assertEquals(101, fixture.page(7).lines());
    }
}
