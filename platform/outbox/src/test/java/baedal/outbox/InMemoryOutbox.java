package baedal.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An outbox in memory, as {@link PendingBatches} reads it: rows with their writing transaction and insertion
 * order, and a horizon below which every transaction has ended. Rows are added with {@link #row}.
 */
final class InMemoryOutbox implements PendingBatches.Source {

    private final List<PendingEvent> rows = new ArrayList<>();
    private long horizon = Long.MAX_VALUE;
    private long nextSeq = 1;
    int reads;

    /** Adds version {@code version} of {@code aggregate}, written by transaction {@code tx}, as the next row. */
    InMemoryOutbox row(String aggregate, long version, long tx) {
        rows.add(event(aggregate, version, tx, nextSeq++));
        return this;
    }

    /** Every transaction below {@code xmin} has ended; rows of later ones are not readable. */
    InMemoryOutbox horizon(long xmin) {
        this.horizon = xmin;
        return this;
    }

    static PendingEvent event(String aggregate, long version, long tx, long seq) {
        return new PendingEvent(UUID.nameUUIDFromBytes((aggregate + "/" + version).getBytes(StandardCharsets.UTF_8)),
                "Order", aggregate, "OrderPlaced", ("{\"version\": " + version + "}").getBytes(StandardCharsets.UTF_8),
                null, Instant.parse("2025-01-01T00:00:00Z"), tx, seq, version);
    }

    @Override
    public void read(Position after, Position upTo, int limit, List<PendingEvent> events) {
        reads++;
        Position last = upTo == null ? Position.END : upTo;
        rows.stream()
                .filter(row -> Position.of(row).isAfter(after) && !Position.of(row).isAfter(last) && row.tx() < horizon)
                .sorted(Comparator.comparing(Position::of))
                .limit(limit)
                .forEach(events::add);
    }

    @Override
    public Map<String, Position> earlierVersionsBeyond(List<PendingEvent> later, Position end) {
        Map<String, Position> beyond = new HashMap<>();
        for (PendingEvent event : later) {
            for (PendingEvent row : rows) {
                if (row.aggregateId().equals(event.aggregateId()) && row.version() < event.version()
                        && Position.of(row).isAfter(end)) {
                    beyond.merge(row.aggregateId(), Position.of(row), (a, b) ->
                            new Position(Math.max(a.tx(), b.tx()), Math.max(a.seq(), b.seq())));
                }
            }
        }
        return beyond;
    }

    @Override
    public long horizon() {
        return horizon;
    }
}
