package baedal.outbox;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Builds the relay's next batch after a position: rows of ended transactions, read in (tx, seq) order and sent in
 * insertion ({@code seq}) order, so that no aggregate's version overtakes an earlier one.
 * <p>
 * Insertion order is the order of an aggregate's versions (a change is written after the previous one committed),
 * but transaction ids need not be: a transaction can take its id before the previous change commits. So if a later
 * version of an aggregate in the batch has an earlier version beyond the batch's end, the batch grows to include it
 * when every transaction up to it has ended, and otherwise stops before that aggregate (read again in a moment).
 */
final class PendingBatches {

    /** What the rule reads: the outbox itself ({@link OutboxStore}) or an in-memory one in tests. */
    interface Source {

        /** Adds the rows of ended transactions in {@code (after, upTo]} ({@code upTo} null: no end), at most {@code limit}. */
        void read(Position after, Position upTo, int limit, List<PendingEvent> events) throws SQLException;

        /** For the aggregates of {@code later} that have an earlier version positioned after {@code end}: the farthest. */
        Map<String, Position> earlierVersionsBeyond(List<PendingEvent> later, Position end) throws SQLException;

        /** The current snapshot's xmin: every transaction below it has ended. */
        long horizon() throws SQLException;
    }

    /**
     * The rows in (after, upTo], in the order they are sent; {@code read} is how many the range read found,
     * {@code stoppedShort} says the range was cut before an aggregate's next version, which is not readable yet.
     */
    record Batch(List<PendingEvent> events, Position upTo, int read, boolean stoppedShort) {

        boolean isEmpty() {
            return events.isEmpty();
        }

        /** Whether a full batch was read and nothing held it back: more rows may wait right behind it. */
        boolean full(int batchSize) {
            return read == batchSize && !stoppedShort;
        }
    }

    private final Source source;
    private final int batchSize;

    PendingBatches(Source source, int batchSize) {
        this.source = source;
        this.batchSize = batchSize;
    }

    Batch after(Position after) throws SQLException {
        List<PendingEvent> events = new ArrayList<>();
        source.read(after, null, batchSize, events);
        int read = events.size();
        if (read == 0) {
            return new Batch(events, after, 0, false);
        }
        boolean stoppedShort = false;
        while (!events.isEmpty()) {
            Position end = Position.of(events.getLast());
            List<PendingEvent> later = events.stream().filter(event -> event.version() > 1).toList();
            Map<String, Position> earlierBeyond = later.isEmpty() ? Map.of() : source.earlierVersionsBeyond(later, end);
            if (earlierBeyond.isEmpty()) {
                break;
            }
            Position farthest = Collections.max(earlierBeyond.values());
            // Any horizon taken after the read will do: the transactions below it have ended by now.
            if (!stoppedShort && farthest.tx() < source.horizon()) {
                source.read(end, farthest, Integer.MAX_VALUE, events); // every row up to it has ended: take them all
                continue;
            }
            // Stop before the first such aggregate; what stays is checked again (it may have split a pair).
            events = new ArrayList<>(events.subList(0, cutBefore(events, earlierBeyond)));
            stoppedShort = true;
        }
        Position upTo = events.isEmpty() ? after : Position.of(events.getLast());
        events.sort(Comparator.comparingLong(PendingEvent::seq));
        return new Batch(List.copyOf(events), upTo, read, stoppedShort);
    }

    /** The index of the first event whose aggregate waits for an earlier version. */
    static int cutBefore(List<PendingEvent> events, Map<String, Position> waiting) {
        int cut = 0;
        while (cut < events.size() && !waiting.containsKey(events.get(cut).aggregateId())) {
            cut++;
        }
        return cut;
    }
}
