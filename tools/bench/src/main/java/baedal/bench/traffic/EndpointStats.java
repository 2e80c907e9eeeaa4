package baedal.bench.traffic;

import static baedal.bench.measure.Latency.HIGHEST_MICROS;

import baedal.bench.measure.Latency;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Per endpoint: latency (µs, from the intended time) of the requests that succeeded, and errors by kind. */
public final class EndpointStats {

    private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
    private final Histogram total = new Histogram(HIGHEST_MICROS, 3);
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder gaveUp = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private Histogram interval;

    void success(long intendedNanos) {
        succeeded.increment();
        recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (System.nanoTime() - intendedNanos) / 1000)));
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** The client abandoned an operation. */
    void gaveUpOne() {
        gaveUp.increment();
    }

    /** Moves what was recorded since the last call into the total; returns that interval. */
    synchronized Histogram roll() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return interval;
    }

    public long succeeded() {
        return succeeded.sum();
    }

    public long gaveUp() {
        return gaveUp.sum();
    }

    /** Whether the endpoint was used at all: a success or an error. */
    public boolean used() {
        return succeeded.sum() > 0 || !errors.isEmpty();
    }

    public Map<String, Long> errorCounts() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    /** Every failed attempt, of every kind, so far. */
    public long errorTotal() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The latency of every success up to the last {@link #roll()}. Read it after the traffic has stopped. */
    public Latency latency() {
        return Latency.of(total);
    }
}
