package baedal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingBatchesTests {

    private static List<String> sent(PendingBatches.Batch batch) {
        return batch.events().stream().map(event -> event.aggregateId() + "@" + event.version()).toList();
    }

    @Test
    void readsRowsInTransactionOrderAndSendsThemInInsertionOrder() throws Exception {
        InMemoryOutbox outbox = new InMemoryOutbox().row("a", 1, 20).row("b", 1, 10).row("c", 1, 30);

        PendingBatches.Batch batch = new PendingBatches(outbox, 10).after(Position.START);

        assertThat(sent(batch)).containsExactly("a@1", "b@1", "c@1");
        assertThat(batch.upTo()).isEqualTo(new Position(30, 3));
        assertThat(batch.read()).isEqualTo(3);
        assertThat(batch.stoppedShort()).isFalse();
        assertThat(batch.full(10)).isFalse();
    }

    @Test
    void anEmptyOutboxLeavesTheCursorWhereItWas() throws Exception {
        Position cursor = new Position(7, 3);

        PendingBatches.Batch batch = new PendingBatches(new InMemoryOutbox(), 10).after(cursor);

        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.upTo()).isEqualTo(cursor);
    }

    @Test
    void neverReadsRowsOfTransactionsAtOrAboveTheHorizon() throws Exception {
        InMemoryOutbox outbox = new InMemoryOutbox().row("a", 1, 10).row("b", 1, 50).horizon(50);

        PendingBatches.Batch batch = new PendingBatches(outbox, 10).after(Position.START);

        assertThat(sent(batch)).containsExactly("a@1");
        assertThat(batch.upTo()).isEqualTo(new Position(10, 1));
    }

    @Test
    void growsTheBatchToTakeAnEarlierVersionWhoseTransactionHasEnded() throws Exception {
        // version 2 took the older transaction id; version 1 lies beyond a batch of one row
        InMemoryOutbox outbox = new InMemoryOutbox().row("a", 1, 20).row("a", 2, 10);

        PendingBatches.Batch batch = new PendingBatches(outbox, 1).after(Position.START);

        assertThat(sent(batch)).containsExactly("a@1", "a@2");
        assertThat(batch.upTo()).isEqualTo(new Position(20, 1));
        assertThat(batch.stoppedShort()).isFalse();
    }

    @Test
    void stopsShortBeforeAnAggregateWhoseEarlierVersionIsNotReadableYet() throws Exception {
        // b@1 (tx 30) is written before a@2 (tx 10) but by a transaction still open: the horizon is 25
        InMemoryOutbox outbox = new InMemoryOutbox().row("x", 1, 5).row("a", 1, 30).row("a", 2, 10).horizon(25);

        PendingBatches.Batch batch = new PendingBatches(outbox, 10).after(Position.START);

        assertThat(sent(batch)).containsExactly("x@1");
        assertThat(batch.stoppedShort()).isTrue();
        assertThat(batch.upTo()).isEqualTo(new Position(5, 1));
    }

    @Test
    void aBatchCutToNothingLeavesTheCursorWhereItWas() throws Exception {
        InMemoryOutbox outbox = new InMemoryOutbox().row("a", 1, 30).row("a", 2, 10).horizon(25);

        PendingBatches.Batch batch = new PendingBatches(outbox, 10).after(Position.START);

        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.stoppedShort()).isTrue();
        assertThat(batch.upTo()).isEqualTo(Position.START);
    }

    @Test
    void aFullBatchThatNothingHeldBackSaysMoreMayWait() throws Exception {
        InMemoryOutbox outbox = new InMemoryOutbox().row("a", 1, 1).row("b", 1, 2).row("c", 1, 3);

        PendingBatches.Batch first = new PendingBatches(outbox, 2).after(Position.START);
        PendingBatches.Batch second = new PendingBatches(outbox, 2).after(first.upTo());

        assertThat(first.full(2)).isTrue();
        assertThat(sent(second)).containsExactly("c@1");
        assertThat(second.full(2)).isFalse();
    }

    @Test
    void cutsBeforeTheFirstEventOfAWaitingAggregate() {
        List<PendingEvent> events = List.of(InMemoryOutbox.event("a", 1, 1, 1), InMemoryOutbox.event("b", 2, 2, 2),
                InMemoryOutbox.event("a", 2, 3, 3));

        assertThat(PendingBatches.cutBefore(events, Map.of("b", new Position(9, 9)))).isEqualTo(1);
        assertThat(PendingBatches.cutBefore(events, Map.of())).isEqualTo(3);
    }
}
