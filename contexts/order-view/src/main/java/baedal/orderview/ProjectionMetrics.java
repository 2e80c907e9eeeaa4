package baedal.orderview;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The projection's meters: {@code baedal.order-view.projection.lag} (from an event's {@code occurredAt} to the
 * commit that first projected it, a histogram), {@code baedal.order-view.projected} (events first projected),
 * {@code baedal.order-view.dead-letters.parked} (records parked) and {@code baedal.order-view.dead-letters.pending}
 * (records parked and not replayed). Consumer lag per partition is the projector's own gauge.
 */
public final class ProjectionMetrics {

    private final Timer lag;
    private final Counter projected;
    private final Counter parked;
    private final AtomicLong pending = new AtomicLong();

    public ProjectionMetrics(MeterRegistry registry) {
        this.lag = Timer.builder("baedal.order-view.projection.lag")
                .description("time from an order event's occurrence to its projection into the read model")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.projected = Counter.builder("baedal.order-view.projected")
                .description("order events projected into the read model (first time only)")
                .register(registry);
        this.parked = Counter.builder("baedal.order-view.dead-letters.parked")
                .description("records of the order events' topic parked as poison")
                .register(registry);
        Gauge.builder("baedal.order-view.dead-letters.pending", pending, AtomicLong::get)
                .description("parked records not replayed yet")
                .register(registry);
    }

    /** Records what a committed batch did. */
    public void written(ProjectionBatch.Written written, Instant committedAt) {
        for (ProjectionBatch.ProjectedEvent event : written.firstProjected()) {
            Duration took = Duration.between(event.occurredAt(), committedAt);
            lag.record(took.isNegative() ? Duration.ZERO : took);
        }
        projected.increment(written.firstProjected().size());
        if (written.parked() > 0) {
            parked.increment(written.parked());
            pending.addAndGet(written.parked());
        }
    }

    /** Sets the pending count from the store (at start, and after a replay). */
    public void pending(long count) {
        pending.set(count);
    }
}
