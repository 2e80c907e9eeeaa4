package baedal.bench.audit;

import baedal.bench.measure.Latency;
import java.sql.Timestamp;
import java.time.Instant;
import org.HdrHistogram.Histogram;

/**
 * Per event of the run (by the order and version): when it was written, acknowledged by Kafka and projected, in µs
 * since the epoch ({@code Long.MAX_VALUE} when it never happened), sorted by written time; and what the harness
 * derives from such times: the delays, and when a lag fell back under a second.
 */
public record EventTimes(long[] written, long[] published, long[] projected) {

    static final long LAG_LIMIT_MICROS = 1_000_000;

    /** The delays {@code done − written} (µs) of the events that completed, in an HdrHistogram. */
    public static Histogram delays(long[] written, long[] done) {
        Histogram histogram = new Histogram(Latency.HIGHEST_MICROS, 3);
        for (int i = 0; i < written.length; i++) {
            if (done[i] != Long.MAX_VALUE) {
                histogram.recordValue(Math.min(Latency.HIGHEST_MICROS, Math.max(0, done[i] - written[i])));
            }
        }
        return histogram;
    }

    /**
     * The first instant at or after {@code fromMicros} (stepping 100 ms, up to {@code untilMicros}) when the lag is
     * under a second: every event written more than a second before it was done by it. Events sorted by written
     * time; {@code done} is {@code Long.MAX_VALUE} for one never done. Returns -1 if the lag never got there.
     */
    public static long lagBackUnderASecond(long[] written, long[] done, long fromMicros, long untilMicros) {
        long[] latestDone = new long[written.length];
        long max = Long.MIN_VALUE;
        for (int i = 0; i < written.length; i++) {
            max = Math.max(max, done[i]);
            latestDone[i] = max;
        }
        for (long t = fromMicros; t <= untilMicros; t += 100_000) {
            int last = lastAtOrBefore(written, t - LAG_LIMIT_MICROS);
            if (last < 0 || latestDone[last] <= t) {
                return t;
            }
        }
        return -1;
    }

    private static int lastAtOrBefore(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }

    public static long micros(Timestamp timestamp) {
        Instant instant = timestamp.toInstant();
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }
}
