package baedal.bench.cluster;

import baedal.order.Order;
import baedal.order.OrderEvent;
import baedal.order.persistence.OrderChangeLog;
import baedal.outbox.Outbox;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark's "without the outbox" switch, installed in place of the platform's {@link OrderChangeLog}
 * only by the outbox benchmark: while off, no event envelope is built and no outbox row is written, so
 * placement does exactly its order writes. Never part of the product.
 */
public class SwitchableChangeLog extends OrderChangeLog {

    private volatile boolean recording = true;

    public SwitchableChangeLog(Outbox outbox, Clock clock, ObjectProvider<Tracer> tracer) {
        super(outbox, clock, tracer);
    }

    public void recording(boolean on) {
        this.recording = on;
    }

    @Override
    public void record(JdbcClient transaction, Order.Snapshot after, OrderEvent event) {
        if (recording) {
            super.record(transaction, after, event);
        }
    }
}
