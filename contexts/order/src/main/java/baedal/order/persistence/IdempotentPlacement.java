package baedal.order.persistence;

import baedal.order.IdempotencyKey;
import baedal.order.IdempotencyKeyReused;
import baedal.order.Order;
import baedal.order.OrderNo;
import baedal.order.Orders.Placed;
import baedal.sharding.NoShardAvailable;
import baedal.sharding.ShardNo;
import baedal.sharding.ShardUnavailable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places a new order exactly once per idempotency key over the shards, whichever shard took the key's earlier
 * attempt — its first shard, its second after a fall-over, or a shard of an earlier topology (ADR 0001):
 * <ol>
 *   <li>the key's candidates are the first two shards of its ranking now, plus the first two of each earlier
 *       topology that may have placed it within the horizon ({@link KeyCandidates});</li>
 *   <li>the target is the first candidate that takes work, else the second; a placement never goes further;</li>
 *   <li>every other candidate is asked, in parallel and before anything is written, whether it holds the key;
 *       if one does, its order is the answer and nothing is written;</li>
 *   <li>otherwise the order is stored on the target, whose unique key makes concurrent retries meet there. If the
 *       target cannot be reached before the commit, the second candidate takes it.</li>
 * </ol>
 * A candidate that is down — marked down (its breaker open), or refusing or dropping the connection — is passed
 * over, since a new key cannot be told from a retry and refusing would refuse new orders while a shard is down —
 * except when this instance knows the key is or may be on that very shard ({@link RememberedKeys}): then the
 * request is refused with {@link ShardUnavailable} rather than risk a second order. A candidate that is up but does not answer in time (slower than the probe deadline, its pool busy) is no outage:
 * it may well hold the order, so the request is refused with its {@code Retry-After} (a starved machine placed a
 * second order when such a shard was passed over).
 */
final class IdempotentPlacement {

    private static final Logger log = LoggerFactory.getLogger(IdempotentPlacement.class);

    /** The shards as placement sees them; {@link ShardedOrders} in production, in-memory shards in tests. */
    interface Store {

        /** Every shard of the current topology for this key, best first. */
        List<ShardNo> ranking(IdempotencyKey key);

        /** Shard counts of the earlier topologies that may have placed a key still within the horizon. */
        List<Integer> earlierShardCounts();

        /** Whether this instance currently sends new work to the shard (it is not marked down). */
        boolean acceptsNewWork(ShardNo shard);

        /**
         * The order the key placed on this shard, if any. Throws {@link ShardUnavailable} when the shard cannot be
         * asked, {@link IdempotencyKeyReused} when the key placed another request there.
         */
        Optional<Placed> find(ShardNo shard, IdempotencyKey key, String fingerprint);

        /**
         * Stores the order on this shard under the key, or returns the one the key already placed there (as
         * {@link ShardedOrders#place} did on one shard). Throws {@link ShardUnavailable}.
         */
        Placed place(ShardNo shard, IdempotencyKey key, String fingerprint, Function<OrderNo, Order.Placement> create);

        /** How long a client should wait before retrying when a shard cannot be asked. */
        Duration retryAfter();
    }

    private final Store store;
    private final RememberedKeys remembered;
    private final Executor probes;
    private final Duration probeTimeout;

    IdempotentPlacement(Store store, RememberedKeys remembered, Executor probes, Duration probeTimeout) {
        this.store = store;
        this.remembered = remembered;
        this.probes = probes;
        this.probeTimeout = probeTimeout;
    }

    /** Places the order under the key, or returns the order the key placed before (see the class comment). */
    Placed place(IdempotencyKey key, String fingerprint, Function<OrderNo, Order.Placement> create) {
        KeyCandidates candidates = candidates(key);
        Optional<ShardNo> known = remembered.shardOf(key);
        ShardNo target = candidates.targets().stream().filter(store::acceptsNewWork).findFirst().orElse(null);

        List<ShardNo> asked = new ArrayList<>(candidates.all());
        known.filter(shard -> !asked.contains(shard)).ifPresent(asked::add);
        asked.remove(target);
        Map<ShardNo, Answer> answers = ask(asked, key, fingerprint);
        Optional<Placed> found = found(answers);
        if (found.isPresent()) {
            return found.get();
        }
        refuseIfKnownShardUnanswered(key, known, answers);
        refuseIfAnUpCandidateDidNotAnswer(answers);

        List<ShardNo> targets = new ArrayList<>();
        if (target != null) {
            targets.add(target);
        }
        for (ShardNo shard : candidates.targets()) {
            // a candidate that answered (it was back) takes the order even if it was not sent new work before
            if (!targets.contains(shard) && answers.get(shard) instanceof Answer.Absent) {
                targets.add(shard);
            }
        }
        targets.sort(Comparator.comparingInt(candidates.targets()::indexOf));
        for (ShardNo shard : targets) {
            try {
                Placed placed = store.place(shard, key, fingerprint, create);
                if (placed.created() && !shard.equals(candidates.first())) {
                    remembered.remember(key, shard);
                    log.debug("Placed {} on its second shard {}: {} could not take it", key.value(), shard,
                            candidates.first());
                }
                return placed;
            } catch (ShardUnavailable unavailable) {
                if (!unavailable.nothingWritten()) {
                    // the commit's outcome is unknown: the order may be there, so a retry must ask this shard
                    remembered.remember(key, shard);
                    throw unavailable;
                }
                if (unavailable.busy() || known.filter(shard::equals).isPresent()) {
                    // overload is not spread to other shards; a shard that may hold the key is not passed over
                    throw unavailable;
                }
                log.warn("{} is unavailable, placing {} on its next shard: {}", shard, key.value(),
                        unavailable.getMessage());
            }
        }
        throw new NoShardAvailable(store.retryAfter());
    }

    /**
     * The order the key placed, if any candidate holds it: how a retry that can no longer be priced finds its
     * order. Throws {@link ShardUnavailable} when the key is known to be on a shard that cannot be asked.
     */
    Optional<Placed> placedUnder(IdempotencyKey key, String fingerprint) {
        KeyCandidates candidates = candidates(key);
        Optional<ShardNo> known = remembered.shardOf(key);
        List<ShardNo> asked = new ArrayList<>(candidates.all());
        known.filter(shard -> !asked.contains(shard)).ifPresent(asked::add);
        Map<ShardNo, Answer> answers = ask(asked, key, fingerprint);
        Optional<Placed> found = found(answers);
        if (found.isEmpty()) {
            refuseIfKnownShardUnanswered(key, known, answers);
            refuseIfAnUpCandidateDidNotAnswer(answers);
        }
        return found;
    }

    private KeyCandidates candidates(IdempotencyKey key) {
        return KeyCandidates.of(store.ranking(key), store.earlierShardCounts());
    }

    private void refuseIfKnownShardUnanswered(IdempotencyKey key, Optional<ShardNo> known, Map<ShardNo, Answer> answers) {
        if (known.isEmpty()) {
            return;
        }
        Answer answer = answers.get(known.get());
        if (answer instanceof Answer.Unanswered unanswered) {
            log.warn("{} may hold the order of {} and cannot be asked: refusing the retry", known.get(), key.value());
            throw unanswered.failure();
        }
        if (answer instanceof Answer.Absent) {
            remembered.forget(key, known.get());
        }
    }

    /**
     * Refuses when a candidate gave no answer for want of time — slower than the probe deadline, or its pool busy —
     * while it is not marked down: such a shard is up and may hold the key's order, and placing anew would make a
     * second one. A shard that refused or dropped the connection (an outage) is passed over, as one marked down is.
     */
    private void refuseIfAnUpCandidateDidNotAnswer(Map<ShardNo, Answer> answers) {
        answers.forEach((shard, answer) -> {
            if (answer instanceof Answer.Unanswered unanswered && !unanswered.outage() && store.acceptsNewWork(shard)) {
                log.warn("{} is up but did not answer whether it holds the key: refusing rather than placing again",
                        shard);
                throw unanswered.failure();
            }
        });
    }

    /** The first order found, in candidate order; a key that placed another request there is refused. */
    private static Optional<Placed> found(Map<ShardNo, Answer> answers) {
        for (Answer answer : answers.values()) {
            if (answer instanceof Answer.Reused reused) {
                throw reused.failure();
            }
            if (answer instanceof Answer.Holds holds) {
                return Optional.of(holds.placed());
            }
        }
        return Optional.empty();
    }

    /** Asks every shard, in parallel, whether it holds the key; each answer within the probe timeout. */
    private Map<ShardNo, Answer> ask(List<ShardNo> shards, IdempotencyKey key, String fingerprint) {
        Map<ShardNo, CompletableFuture<Answer>> asked = new LinkedHashMap<>();
        for (ShardNo shard : shards) {
            asked.put(shard, CompletableFuture.supplyAsync(() -> askOne(shard, key, fingerprint), probes));
        }
        Map<ShardNo, Answer> answers = new LinkedHashMap<>();
        long deadline = System.nanoTime() + probeTimeout.toNanos();
        for (Map.Entry<ShardNo, CompletableFuture<Answer>> probe : asked.entrySet()) {
            answers.put(probe.getKey(), await(probe.getKey(), probe.getValue(), deadline));
        }
        return answers;
    }

    private Answer askOne(ShardNo shard, IdempotencyKey key, String fingerprint) {
        try {
            return store.find(shard, key, fingerprint).<Answer>map(Answer.Holds::new).orElse(new Answer.Absent());
        } catch (ShardUnavailable unavailable) {
            return new Answer.Unanswered(unavailable, !unavailable.busy());
        } catch (IdempotencyKeyReused reused) {
            return new Answer.Reused(reused);
        }
    }

    private Answer await(ShardNo shard, CompletableFuture<Answer> probe, long deadline) {
        try {
            return probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            probe.cancel(false);
            return new Answer.Unanswered(new ShardUnavailable(shard, store.retryAfter(), true, late), false);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + shard + " for an idempotency key", interrupted);
        } catch (ExecutionException | CompletionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** What one shard said about the key. */
    private sealed interface Answer {

        record Holds(Placed placed) implements Answer {
        }

        record Absent() implements Answer {
        }

        /** No answer: {@code outage} when the shard refused or dropped the connection, else it was slow or busy. */
        record Unanswered(ShardUnavailable failure, boolean outage) implements Answer {
        }

        record Reused(IdempotencyKeyReused failure) implements Answer {
        }
    }
}
