package baedal.order.persistence;

import baedal.order.IdempotencyKey;
import baedal.sharding.ShardNo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What this instance knows, beyond the shards, about where a key's order may be: keys it placed on their second
 * shard (a fall-over), and keys whose commit it could not confirm. While such a shard cannot be asked, a retry of
 * the key is refused instead of being placed elsewhere. Bounded (least recently used keys are forgotten first) and
 * each entry is kept for the idempotency horizon; it is a narrowing of the unknown, not the record of truth, which
 * is the shards' {@code idempotency_key} tables.
 */
final class RememberedKeys {

    private final Clock clock;
    private final Duration keep;
    private final Map<String, Remembered> entries;

    RememberedKeys(Clock clock, Duration keep, int capacity) {
        this.clock = clock;
        this.keep = keep;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Notes that the key's order is, or may be, on {@code shard}. */
    synchronized void remember(IdempotencyKey key, ShardNo shard) {
        entries.put(key.value(), new Remembered(shard, clock.instant().plus(keep)));
    }

    /** The shard the key's order is or may be on, as far as this instance knows. */
    synchronized Optional<ShardNo> shardOf(IdempotencyKey key) {
        Remembered entry = entries.get(key.value());
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(key.value());
            return Optional.empty();
        }
        return Optional.of(entry.shard());
    }

    /** Forgets the key if it was remembered on {@code shard}: that shard answered and the doubt is gone. */
    synchronized void forget(IdempotencyKey key, ShardNo shard) {
        entries.computeIfPresent(key.value(), (k, entry) -> entry.shard().equals(shard) ? null : entry);
    }

    synchronized int size() {
        return entries.size();
    }

    private record Remembered(ShardNo shard, Instant until) {
    }
}
