package baedal.order.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Order retention on the write side ({@code baedal.order-retention.*}): the shards keep "dynamic" order data 30
 * days; the order history stays in the read model for years.
 *
 * @param enabled {@code .enabled} — whether this instance removes finished orders (default {@code true})
 * @param keepDays {@code .keep-days} — days a finished (DELIVERED, REJECTED, CANCELLED) order stays on its shard
 *        after it finished (default 30)
 * @param interval {@code .interval} — how often the removal runs (default 1 h; the first run one interval after start)
 * @param batchSize {@code .batch-size} — orders examined and removed per transaction on a shard (default 500)
 */
@ConfigurationProperties("baedal.order-retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30") int keepDays,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("500") int batchSize) {

    public RetentionProperties {
        if (keepDays < 1) {
            throw new IllegalArgumentException("baedal.order-retention.keep-days must be at least 1: " + keepDays);
        }
        if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("baedal.order-retention.interval must be at least 1s: " + interval);
        }
        if (batchSize < 1 || batchSize > 5_000) {
            throw new IllegalArgumentException("baedal.order-retention.batch-size must be within 1..5000: "
                    + batchSize);
        }
    }

    public Duration keep() {
        return Duration.ofDays(keepDays);
    }
}
