package baedal.sharding;

/**
 * The number of one shard database. Shard numbers are stable names, not positions: shard 2 is the same
 * database before and after shards 4 to 7 are added. At most {@value #CAPACITY} shards can exist, because
 * an order number keeps its shard number in its last three decimal digits.
 */
public record ShardNo(int value) implements Comparable<ShardNo> {

    /** How many shard numbers exist (0 to 999). */
    public static final int CAPACITY = 1000;

    public ShardNo {
        if (value < 0 || value >= CAPACITY) {
            throw new IllegalArgumentException("shard number must be within 0.." + (CAPACITY - 1) + ": " + value);
        }
    }

    @Override
    public int compareTo(ShardNo other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return "shard-" + value;
    }
}
