package baedal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelinedSenderTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RelayMetrics metrics = new RelayMetrics(
            new OutboxDatabase("riders", null, "jdbc:postgresql://unused/riders", "postgres", ""), registry);
    private final List<Position> recorded = new ArrayList<>();

    /** A broker in memory: acknowledges the first {@code acknowledging} events it is given, then fails. */
    private static final class InMemoryBroker implements OutboxPublisher {
        final List<String> received = new ArrayList<>();
        int acknowledging = Integer.MAX_VALUE;

        @Override
        public Outcome publish(List<PendingEvent> events) {
            int acknowledged = Math.max(0, Math.min(events.size(), acknowledging));
            acknowledging -= acknowledged;
            List<PendingEvent> prefix = events.subList(0, acknowledged);
            prefix.forEach(event -> received.add(event.aggregateId() + "@" + event.version()));
            return new Outcome(List.copyOf(prefix), Collections.nCopies(acknowledged, Instant.now()),
                    acknowledged < events.size() ? new RuntimeException("broker down") : null);
        }

        @Override
        public void close() {
        }
    }

    private PipelinedSender sender(InMemoryOutbox outbox, int batchSize, InMemoryBroker broker) {
        return new PipelinedSender(new PendingBatches(outbox, batchSize), batchSize, broker,
                (upTo, at) -> recorded.add(upTo), metrics, acknowledged -> { });
    }

    @Test
    void sendsBatchAfterBatchAndRecordsProgressPastEachAcknowledgedOne() throws Exception {
        InMemoryOutbox outbox = new InMemoryOutbox().row("a", 1, 1).row("b", 1, 2).row("c", 1, 3).row("d", 1, 4)
                .row("e", 1, 5);
        InMemoryBroker broker = new InMemoryBroker();
        PipelinedSender sender = sender(outbox, 2, broker);

        PipelinedSender.Drained drained = sender.drain(() -> true);

        assertThat(drained).isEqualTo(PipelinedSender.Drained.CAUGHT_UP);
        assertThat(broker.received).containsExactly("a@1", "b@1", "c@1", "d@1", "e@1");
        assertThat(recorded).containsExactly(new Position(2, 2), new Position(4, 4), new Position(5, 5));
        assertThat(sender.cursor()).isEqualTo(new Position(5, 5));
        assertThat(registry.find("baedal.outbox.published").tag("database", "riders").counter().count()).isEqualTo(5);
    }

    @Test
    void neverMovesTheCursorPastABatchKafkaDidNotFullyAcknowledge() throws Exception {
        InMemoryOutbox outbox = new InMemoryOutbox().row("a", 1, 1).row("b", 1, 2).row("c", 1, 3).row("d", 1, 4);
        InMemoryBroker broker = new InMemoryBroker();
        broker.acknowledging = 3; // the first batch, then one row of the second
        PipelinedSender sender = sender(outbox, 2, broker);

        assertThatThrownBy(() -> sender.drain(() -> true)).isInstanceOf(PipelinedSender.PublishFailed.class);

        assertThat(recorded).containsExactly(new Position(2, 2));
        assertThat(sender.cursor()).isEqualTo(new Position(2, 2));

        broker.acknowledging = Integer.MAX_VALUE;
        sender.drain(() -> true);
        assertThat(broker.received).containsExactly("a@1", "b@1", "c@1", "c@1", "d@1"); // c again, with its id
        assertThat(sender.cursor()).isEqualTo(new Position(4, 4));
    }

    @Test
    void saysWhenItStoppedShortToKeepAnAggregateInOrder() throws Exception {
        InMemoryOutbox outbox = new InMemoryOutbox().row("x", 1, 5).row("a", 1, 30).row("a", 2, 10).horizon(25);
        PipelinedSender sender = sender(outbox, 10, new InMemoryBroker());

        assertThat(sender.drain(() -> true)).isEqualTo(PipelinedSender.Drained.STOPPED_SHORT);
        assertThat(sender.cursor()).isEqualTo(new Position(5, 1));
    }

    @Test
    void stopsAfterTheBatchInHandWhenAskedToStop() throws Exception {
        InMemoryOutbox outbox = new InMemoryOutbox().row("a", 1, 1).row("b", 1, 2).row("c", 1, 3);
        InMemoryBroker broker = new InMemoryBroker();
        PipelinedSender sender = sender(outbox, 1, broker);

        assertThat(sender.drain(() -> false)).isEqualTo(PipelinedSender.Drained.FULL);
        assertThat(broker.received).containsExactly("a@1");
        assertThat(sender.cursor()).isEqualTo(new Position(1, 1));
    }

    @Test
    void startsFromTheRecordedProgressWhenTheLeaseIsTaken() throws Exception {
        InMemoryOutbox outbox = new InMemoryOutbox().row("a", 1, 1).row("b", 1, 2);
        InMemoryBroker broker = new InMemoryBroker();
        PipelinedSender sender = sender(outbox, 10, broker);
        sender.resetTo(new Position(1, 1));

        sender.drain(() -> true);

        assertThat(broker.received).containsExactly("b@1");
    }
}
