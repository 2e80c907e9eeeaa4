package baedal.bench.cluster;

/** One shard database as the platform reports it; {@code no} is its index, i.e. its shard number. */
public record ShardNode(int no, String url, String username, String password) {
}
