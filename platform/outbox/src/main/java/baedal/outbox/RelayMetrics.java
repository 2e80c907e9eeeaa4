package baedal.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The meters of one database's relay worker, tagged with the database ({@code database}) and, for a shard, its
 * number ({@code shard}; {@code none} for a database that is not sharded, so every meter of a name has the same
 * tag keys): {@code baedal.outbox.pending}, {@code baedal.outbox.oldest.pending.age},
 * {@code baedal.outbox.publish.latency} (commit to Kafka's acknowledgement) and {@code baedal.outbox.published}.
 * The gauges are removed when the worker stops, so a restarted relay's gauges read the new worker.
 */
final class RelayMetrics {

    /** Rows that wait (after the cursor, or queued for re-publishing) and the age of the oldest of them. */
    record Pending(long count, double oldestAgeSeconds) {
        static final Pending NONE = new Pending(0, 0);
    }

    private final MeterRegistry registry;
    private final Timer latency;
    private final Counter published;
    private final List<Gauge> gauges;
    private volatile Pending pending = Pending.NONE;

    RelayMetrics(OutboxDatabase database, MeterRegistry registry) {
        this.registry = registry;
        Tags tags = database.tags();
        this.gauges = List.of(
                Gauge.builder("baedal.outbox.pending", this, metrics -> metrics.pending.count())
                        .description("Outbox rows not yet published").tags(tags).strongReference(true)
                        .register(registry),
                Gauge.builder("baedal.outbox.oldest.pending.age", this, metrics -> metrics.pending.oldestAgeSeconds())
                        .description("Age of the oldest unpublished outbox row").baseUnit("seconds").tags(tags)
                        .strongReference(true).register(registry));
        this.latency = Timer.builder("baedal.outbox.publish.latency")
                .description("From an outbox row's commit to Kafka's acknowledgement").tags(tags)
                .publishPercentileHistogram().register(registry);
        this.published = Counter.builder("baedal.outbox.published").description("Outbox rows published to Kafka")
                .tags(tags).register(registry);
    }

    /** Records Kafka's acknowledgement of {@code events}, each at the same index of {@code at}. */
    void acknowledged(List<PendingEvent> events, List<Instant> at) {
        for (int i = 0; i < events.size(); i++) {
            latency.record(latency(events.get(i).writtenAt(), at.get(i)));
        }
        published.increment(events.size());
    }

    /** Re-published rows count as published; their latency from a commit long ago would say nothing. */
    void republished(int count) {
        published.increment(count);
    }

    void pending(Pending now) {
        pending = now;
    }

    Pending pending() {
        return pending;
    }

    void remove() {
        gauges.forEach(registry::remove);
    }

    /** From written to acknowledged; never negative (the two clocks are the database's and this instance's). */
    static Duration latency(Instant written, Instant acknowledged) {
        Duration took = Duration.between(written, acknowledged);
        return took.isNegative() ? Duration.ZERO : took;
    }
}
