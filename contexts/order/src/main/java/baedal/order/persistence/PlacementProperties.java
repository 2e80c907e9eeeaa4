package baedal.order.persistence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a placement finds the order its idempotency key placed before ({@code baedal.order-placement.*}; ADR 0001).
 *
 * @param idempotencyHorizon {@code .idempotency-horizon} — how long after a shard is appended the topology before it
 *        is still asked for a key, and how long this instance remembers a key it placed on its second shard or could
 *        not confirm (default 24 h: orders live a day; a rollout of a new shard list must finish well within it)
 * @param probeTimeout {@code .probe-timeout} — how long a placement waits for a candidate shard to say whether it
 *        holds the key (default 2 s; never less than {@code baedal.shards.connection-timeout} + 1 s, so a shard that
 *        has just gone down is recognised as down, and passed over, before the probe gives up; a shard that is up
 *        and answers later than that refuses the placement with 503 rather than risk a second order)
 * @param rememberedKeys {@code .remembered-keys} — at most this many such keys are remembered (default 100,000)
 */
@ConfigurationProperties("baedal.order-placement")
public record PlacementProperties(
        @DefaultValue("24h") Duration idempotencyHorizon,
        @DefaultValue("2s") Duration probeTimeout,
        @DefaultValue("100000") int rememberedKeys) {

    public PlacementProperties {
        if (idempotencyHorizon == null || idempotencyHorizon.isNegative()) {
            throw new IllegalArgumentException("baedal.order-placement.idempotency-horizon must not be negative");
        }
        if (probeTimeout == null || probeTimeout.compareTo(Duration.ofMillis(10)) < 0) {
            throw new IllegalArgumentException("baedal.order-placement.probe-timeout must be at least 10ms");
        }
        if (rememberedKeys < 0) {
            throw new IllegalArgumentException("baedal.order-placement.remembered-keys must not be negative");
        }
    }
}
