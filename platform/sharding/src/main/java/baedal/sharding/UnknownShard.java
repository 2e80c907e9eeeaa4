package baedal.sharding;

/** A shard number that this deployment does not have (e.g. read from a forged or mistyped order number). */
public class UnknownShard extends RuntimeException {

    private final ShardNo shard;

    public UnknownShard(ShardNo shard) {
        super(shard + " is not configured");
        this.shard = shard;
    }

    public ShardNo shard() {
        return shard;
    }
}
