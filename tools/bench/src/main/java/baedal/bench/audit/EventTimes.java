package baedal.bench.audit;

import baedal.bench.cluster.ShardNode;
import baedal.bench.measure.Latency;
import baedal.bench.traffic.Ledger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Per event of the run (by the order and version): when it was written, acknowledged by Kafka and projected, in µs
 * since the epoch ({@code Long.MAX_VALUE} when it never happened), sorted by written time; and what the harness
 * derives from such times: the delays, and when a lag fell back under a second.
 */
public record EventTimes(long[] written, long[] published, long[] projected) {

    static final long LAG_LIMIT_MICROS = 1_000_000;

    /**
     * Every event written since {@code runStart} by an order of the ledger: written, published (Kafka ack) and
     * projected times in µs since the epoch ({@code Long.MAX_VALUE} when it never happened), sorted by written time.
     */
    static EventTimes read(List<ShardNode> shards, String orderViewUrl, String user, Ledger ledger, Instant runStart)
            throws SQLException {
        Map<String, long[]> byEvent = new HashMap<>();
        Set<Long> acknowledged = new HashSet<>();
        for (Ledger.Entry entry : ledger.entries()) {
            acknowledged.add(entry.orderNo());
        }
        for (ShardNode shard : shards) {
            try (Connection connection = RunAudit.connect(shard.url(), user);
                    PreparedStatement query = connection.prepareStatement("""
                            select aggregateid, version, written_at, published_at from outbox_state
                            where written_at >= ?""")) {
                connection.setAutoCommit(false);
                query.setTimestamp(1, Timestamp.from(runStart));
                query.setFetchSize(20_000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long orderNo = Long.parseLong(rows.getString(1));
                        if (!acknowledged.contains(orderNo)) {
                            continue;
                        }
                        Timestamp published = rows.getTimestamp(4);
                        byEvent.put(orderNo + ":" + rows.getLong(2), new long[] {micros(rows.getTimestamp(3)),
                                published == null ? Long.MAX_VALUE : micros(published), Long.MAX_VALUE});
                    }
                }
            }
        }
        try (Connection connection = RunAudit.connect(orderViewUrl, user);
                PreparedStatement query = connection.prepareStatement(
                        "select order_no, version, projected_at from order_view_event where projected_at >= ?")) {
            connection.setAutoCommit(false);
            query.setTimestamp(1, Timestamp.from(runStart));
            query.setFetchSize(20_000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long[] times = byEvent.get(rows.getLong(1) + ":" + rows.getLong(2));
                    if (times != null) {
                        times[2] = micros(rows.getTimestamp(3));
                    }
                }
            }
        }
        List<long[]> all = new ArrayList<>(byEvent.values());
        all.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] written = new long[all.size()];
        long[] published = new long[all.size()];
        long[] projected = new long[all.size()];
        for (int i = 0; i < all.size(); i++) {
            written[i] = all.get(i)[0];
            published[i] = all.get(i)[1];
            projected[i] = all.get(i)[2];
        }
        return new EventTimes(written, published, projected);
    }

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
