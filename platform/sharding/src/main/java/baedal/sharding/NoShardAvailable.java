package baedal.sharding;

import java.time.Duration;

/** Every shard is unavailable, so work that could have gone to any shard has nowhere to go. */
public class NoShardAvailable extends RuntimeException {

    private final Duration retryAfter;

    public NoShardAvailable(Duration retryAfter) {
        super("no shard is available; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
