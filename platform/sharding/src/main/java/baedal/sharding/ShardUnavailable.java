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
    private final boolean nothingWritten;
    private final boolean busy;

    public ShardUnavailable(ShardNo shard, Duration retryAfter, boolean nothingWritten, Throwable cause) {
        this(shard, retryAfter, nothingWritten, false, cause);
    }

    public ShardUnavailable(ShardNo shard, Duration retryAfter, boolean nothingWritten, boolean busy, Throwable cause) {
        super(shard + (busy ? " is busy" : " is unavailable") + "; retry after " + retryAfter.toSeconds() + " s", cause);
        this.shard = shard;
        this.retryAfter = retryAfter;
        this.nothingWritten = nothingWritten;
        this.busy = busy;
    }

    /**
     * True when the shard's server answers but no connection came free in time (overload), as opposed to the
     * server being unreachable. Moving such work to another shard would only spread the overload.
     */
    public boolean busy() {
        return busy;
    }

    /**
     * True when the failure happened before the transaction's commit was sent (the shard was marked down,
     * no connection could be had, or the connection broke during the work), so the work certainly left
     * nothing behind and may safely go elsewhere. False when the commit itself failed: whether it took
     * effect on that shard is unknown.
     */
    public boolean nothingWritten() {
        return nothingWritten;
    }

    public ShardNo shard() {
        return shard;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
