package baedal.order.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import baedal.order.IdempotencyKey;
import baedal.sharding.ShardNo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RememberedKeysTests {

    private static final IdempotencyKey KEY = new IdempotencyKey("key-1");

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T03:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void remembersAKeysShardForTheHorizon() {
        MovingClock clock = new MovingClock();
        RememberedKeys remembered = new RememberedKeys(clock, Duration.ofHours(24), 10);
        remembered.remember(KEY, new ShardNo(2));

        clock.now = clock.now.plus(Duration.ofHours(23));
        assertThat(remembered.shardOf(KEY)).contains(new ShardNo(2));
        clock.now = clock.now.plus(Duration.ofHours(1));
        assertThat(remembered.shardOf(KEY)).isEmpty();
        assertThat(remembered.size()).isZero();
    }

    @Test
    void forgetsTheLeastRecentlyUsedKeysBeyondItsCapacity() {
        RememberedKeys remembered = new RememberedKeys(Clock.systemUTC(), Duration.ofHours(1), 2);
        remembered.remember(new IdempotencyKey("a"), new ShardNo(0));
        remembered.remember(new IdempotencyKey("b"), new ShardNo(1));
        remembered.shardOf(new IdempotencyKey("a"));
        remembered.remember(new IdempotencyKey("c"), new ShardNo(2));

        assertThat(remembered.shardOf(new IdempotencyKey("b"))).isEmpty();
        assertThat(remembered.shardOf(new IdempotencyKey("a"))).contains(new ShardNo(0));
        assertThat(remembered.shardOf(new IdempotencyKey("c"))).contains(new ShardNo(2));
    }

    @Test
    void forgetsAKeyOnlyForTheShardItWasRememberedOn() {
        RememberedKeys remembered = new RememberedKeys(Clock.systemUTC(), Duration.ofHours(1), 10);
        remembered.remember(KEY, new ShardNo(1));

        remembered.forget(KEY, new ShardNo(0));
        assertThat(remembered.shardOf(KEY)).contains(new ShardNo(1));
        remembered.forget(KEY, new ShardNo(1));
        assertThat(remembered.shardOf(KEY)).isEmpty();
    }
}
