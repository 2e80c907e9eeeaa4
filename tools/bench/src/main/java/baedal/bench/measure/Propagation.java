package baedal.bench.measure;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * How long changes take to arrive everywhere they must: for each change, from the moment it was committed to the
 * moment each receiver applied it, recorded in µs into two HdrHistograms — every (change, receiver) pair, and per
 * change its slowest receiver (the change is applied "everywhere" only then). A receiver that never reported a change
 * counts as missing, and the change then has no slowest figure (it never arrived everywhere). Pure bookkeeping: the
 * times come from the caller; not thread-safe.
 */
public final class Propagation {

    /** Whole-millisecond delays a receiver reports itself may differ from ours by their truncation, no more. */
    static final long REPORTED_DELAY_TOLERANCE_MS = 1;

    /**
     * One receiver's report of one change.
     *
     * @param receiver who applied it (e.g. an instance id)
     * @param appliedAt when it applied it, by its own clock
     * @param reportedDelayMillis the delay it reported itself, if it reports one (compared, not used)
     * @param path how it got it (e.g. {@code KAFKA}, {@code RECONCILIATION})
     */
    public record Arrival(String receiver, Instant appliedAt, Long reportedDelayMillis, String path) {
    }

    /** One change: its version, when it was committed, and the reports of the receivers that applied it. */
    public record Change(long version, Instant committedAt, List<Arrival> arrivals) {
    }

    private final int receivers;
    private final Histogram pairs = new Histogram(Latency.HIGHEST_MICROS, 3);
    private final Histogram slowest = new Histogram(Latency.HIGHEST_MICROS, 3);
    private final Map<String, Long> paths = new TreeMap<>();
    private final List<Double> slowestMillis = new ArrayList<>();
    private long changes;
    private long missing;
    private long beforeCommit;
    private long disagreeing;

    /** @param receivers how many receivers must apply every change */
    public Propagation(int receivers) {
        if (receivers < 1) {
            throw new IllegalArgumentException("at least one receiver: " + receivers);
        }
        this.receivers = receivers;
    }

    /**
     * µs from {@code committedAt} to {@code appliedAt}; a receiver that reports a time before the commit (two clocks
     * of the same machine never do by more than their resolution) counts as 0.
     */
    public static long micros(Instant committedAt, Instant appliedAt) {
        return Math.max(0, ChronoUnit.MICROS.between(committedAt, appliedAt));
    }

    /** Records one change; reports from more receivers than expected, or twice from one, are refused. */
    public void record(Change change) {
        if (change.arrivals().size() > receivers
                || change.arrivals().stream().map(Arrival::receiver).distinct().count() < change.arrivals().size()) {
            throw new IllegalArgumentException("version " + change.version() + ": reports from more than " + receivers
                    + " receivers, or twice from one: " + change.arrivals());
        }
        changes++;
        long worst = -1;
        for (Arrival arrival : change.arrivals()) {
            long raw = ChronoUnit.MICROS.between(change.committedAt(), arrival.appliedAt());
            if (raw < 0) {
                beforeCommit++;
            }
            long micros = micros(change.committedAt(), arrival.appliedAt());
            pairs.recordValue(Math.min(Latency.HIGHEST_MICROS, micros));
            worst = Math.max(worst, micros);
            paths.merge(arrival.path(), 1L, Long::sum);
            if (arrival.reportedDelayMillis() != null
                    && Math.abs(arrival.reportedDelayMillis() - micros / 1_000) > REPORTED_DELAY_TOLERANCE_MS) {
                disagreeing++;
            }
        }
        missing += receivers - change.arrivals().size();
        if (change.arrivals().size() == receivers) {
            slowest.recordValue(Math.min(Latency.HIGHEST_MICROS, worst));
            slowestMillis.add(Figures.round(worst / 1_000.0, 3));
        }
    }

    /** Every (change, receiver) pair that arrived. */
    public Latency allPairs() {
        return Latency.of(pairs);
    }

    /** Per change that arrived everywhere, its slowest receiver. */
    public Latency slowestReceiver() {
        return Latency.of(slowest);
    }

    /** The slowest receiver's delay of each change that arrived everywhere, in ms, in the order recorded. */
    public List<Double> slowestMillisPerChange() {
        return List.copyOf(slowestMillis);
    }

    public long changes() {
        return changes;
    }

    /** (change, receiver) pairs that never arrived. */
    public long missing() {
        return missing;
    }

    /** Arrivals by path, e.g. {@code KAFKA=2997, RECONCILIATION=3}. */
    public Map<String, Long> paths() {
        return Map.copyOf(paths);
    }

    /** Arrivals stamped before their commit (counted as 0 µs). */
    public long beforeCommit() {
        return beforeCommit;
    }

    /** Arrivals whose self-reported delay differs from the one measured here by more than its truncation. */
    public long disagreeing() {
        return disagreeing;
    }

    public int receivers() {
        return receivers;
    }
}
