package baedal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PositionTests {

    @Test
    void ordersByTransactionThenByInsertion() {
        assertThat(new Position(2, 1)).isGreaterThan(new Position(1, 99));
        assertThat(new Position(2, 5)).isGreaterThan(new Position(2, 4));
        assertThat(new Position(2, 5)).isEqualByComparingTo(new Position(2, 5));
        assertThat(new Position(3, 1).isAfter(new Position(2, 9))).isTrue();
        assertThat(new Position(2, 9).isAfter(new Position(2, 9))).isFalse();
    }

    @Test
    void startIsBeforeAndEndAfterEveryRow() {
        Position first = Position.of(InMemoryOutbox.event("a", 1, 0, 1));

        assertThat(first.isAfter(Position.START)).isTrue();
        assertThat(Position.END.isAfter(new Position(Long.MAX_VALUE - 1, Long.MAX_VALUE))).isTrue();
    }
}
