package baedal.orderview;

import java.time.Clock;
import java.util.List;

/**
 * The operator's view of parked records: list them, and replay one — read it again and, if it is a listed event
 * now (say, a type that a newer release of the projector knows), apply it like any other; if it is still poison
 * it stays parked with the new reason.
 */
public final class DeadLetters {

    private final OrderViewStore store;
    private final OrderEventReader reader;
    private final ViewVersions versions;
    private final ProjectionMetrics metrics;
    private final Clock clock;

    public DeadLetters(OrderViewStore store, OrderEventReader reader, ViewVersions versions, ProjectionMetrics metrics,
            Clock clock) {
        this.store = store;
        this.reader = reader;
        this.versions = versions;
        this.metrics = metrics;
        this.clock = clock;
    }

    public List<DeadLetter> parked(int limit) {
        return store.parked(limit);
    }

    /** What a successful replay did: the event it applied and the version its order's document is at now. */
    public record Replayed(DeadLetter deadLetter, String orderNo, long eventVersion, long documentVersion) {
    }

    /**
     * Replays a parked record. A record already replayed is not applied twice: its outcome is returned again.
     *
     * @throws NotFound when there is no such record
     * @throws StillPoison when the record still cannot be applied (it stays parked with this reason)
     */
    public Replayed replay(long id) {
        DeadLetter letter = store.deadLetter(id).orElseThrow(() -> new NotFound(id));
        OrderEventReader.Reading reading = reader.read(letter.value());
        switch (reading) {
            case OrderEventReader.Poison poison -> {
                if (letter.parked()) {
                    store.stillParked(id, poison.reason(), clock.instant());
                }
                throw new StillPoison(id, poison.reason());
            }
            case OrderEventReader.Event event -> {
                if (!letter.parked()) {
                    return new Replayed(letter, event.view().orderNo(), event.version(),
                            store.find(event.orderNo()).map(OrderView::version).orElse(0L));
                }
                IncomingRecord record = new IncomingRecord(letter.topic(), letter.partition(), letter.offset(),
                        letter.key(), letter.value(), letter.headers());
                ProjectionBatch batch = ProjectionBatch.of(List.of(new ProjectionBatch.Reading(record, event)),
                        clock.instant());
                ProjectionBatch.Written written = store.replayed(id, batch);
                versions.advanced(written.versions());
                metrics.written(written, batch.at());
                metrics.pending(store.parkedCount());
                DeadLetter after = store.deadLetter(id).orElse(letter);
                return new Replayed(after, event.view().orderNo(), event.version(),
                        written.versions().getOrDefault(event.orderNo(), event.version()));
            }
        }
    }

    /** No parked record has this id. */
    public static final class NotFound extends RuntimeException {

        public NotFound(Object id) {
            super("no parked record " + id);
        }
    }

    /** A replayed record that still cannot be applied; it stays parked. */
    public static final class StillPoison extends RuntimeException {

        private final String reason;

        public StillPoison(long id, String reason) {
            super("parked record " + id + " still cannot be applied: " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
