package baedal.bench.audit;

import baedal.bench.cluster.ShardNode;
import baedal.bench.traffic.OrderMix;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Checks on the shard databases that every acknowledged order is stored on the shard its number names. */
public final class Auditor {

    /** What the placement benchmark's audit counted; serialized in {@code placement.json}. */
    public record Audit(long acknowledged, long found, long missing, long duplicateOrderNumbers,
            long storedButUnacknowledged, Map<String, Long> acknowledgedPerShard, Map<String, Long> foundPerShard,
            String method) {
    }

    private Auditor() {
    }

    public static Audit audit(List<ShardNode> nodes, Set<Long> acknowledged, long duplicates) throws SQLException {
        Map<String, Long> ackPerShard = new TreeMap<>();
        Map<String, Long> foundPerShard = new TreeMap<>();
        long found = 0;
        long unacknowledged = 0;
        long acknowledgedElsewhere = 0;
        for (ShardNode node : nodes) {
            List<Long> mine = new ArrayList<>();
            for (long orderNo : acknowledged) {
                if (orderNo % 1000 == node.no()) {
                    mine.add(orderNo);
                }
            }
            ackPerShard.put(Integer.toString(node.no()), (long) mine.size());
            try (Connection connection = DriverManager.getConnection(node.url(), node.username(), node.password())) {
                long foundHere;
                try (PreparedStatement count = connection.prepareStatement(
                        "select count(*) from orders where order_no = any(?)")) {
                    Array numbers = connection.createArrayOf("bigint", mine.toArray());
                    count.setArray(1, numbers);
                    foundHere = single(count);
                }
                long apiRows;
                try (PreparedStatement count = connection.prepareStatement(
                        "select count(*) from orders where member_id < ?")) {
                    count.setLong(1, OrderMix.BASELINE_MEMBER_BASE);
                    apiRows = single(count);
                }
                foundPerShard.put(Integer.toString(node.no()), foundHere);
                found += foundHere;
                unacknowledged += Math.max(0, apiRows - foundHere);
            }
        }
        for (long orderNo : acknowledged) {
            int shard = (int) (orderNo % 1000);
            if (nodes.stream().noneMatch(n -> n.no() == shard)) {
                acknowledgedElsewhere++;
            }
        }
        long total = acknowledged.size() + duplicates;
        return new Audit(total, found, total - found, duplicates, unacknowledged, ackPerShard, foundPerShard,
                "order numbers from every 201 (Location header) counted on their shard with `select count(*) from orders"
                        + " where order_no = any(?)`; API orders stored without a 201 (e.g. client time-outs) counted"
                        + " by member id range" + (acknowledgedElsewhere > 0
                        ? "; " + acknowledgedElsewhere + " acknowledged numbers name an unknown shard" : ""));
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
