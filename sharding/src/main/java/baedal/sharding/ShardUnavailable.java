package baedal.sharding;

import java.time.Duration;

/**
 * A shard's database cannot be reached right now (down, restarting, or not yet migrated). Work that must
 * happen on that shard fails fast with this instead of waiting; callers should retry after
 * {@link #retryAfter()}. Work that may go to any shard (placing a new order) moves to another shard.
 */
public class ShardUnavailable extends RuntimeException {

    private final ShardNo shard;
    private final Duration retryAfter;
    private final boolean nothingSent;

    public ShardUnavailable(ShardNo shard, Duration retryAfter, boolean nothingSent, Throwable cause) {
        super(shard + " is unavailable; retry after " + retryAfter.toSeconds() + " s", cause);
        this.shard = shard;
        this.retryAfter = retryAfter;
        this.nothingSent = nothingSent;
    }

    /**
     * True when the failure happened before any statement reached the shard (it was marked down, or no
     * connection could be had), so the work certainly left nothing behind and may safely go elsewhere.
     * False when the connection broke mid-transaction: the outcome on that shard is unknown.
     */
    public boolean nothingSent() {
        return nothingSent;
    }

    public ShardNo shard() {
        return shard;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
