package baedal.order.persistence;

import baedal.kernel.catalogue.EventType;
import baedal.order.Order;
import baedal.order.OrderDocuments;
import baedal.order.OrderEvent;
import baedal.order.events.OrderEventCatalogue;
import baedal.order.events.OrderEventEnvelope;
import baedal.outbox.EventIds;
import baedal.outbox.Outbox;
import baedal.outbox.OutboxRecord;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where every state change of an order records its event: inside the transaction that
 * stores the change, on the same shard, it appends the event — an {@link OrderEventEnvelope} carrying the
 * order as it is after the change — to the shard's transactional outbox. Only event types listed in the
 * {@link OrderEventCatalogue} are ever written.
 */
@Component
public class OrderChangeLog {

    private final Outbox outbox;
    private final EventIds eventIds;
    private final ObjectProvider<Tracer> tracer;
    private final ObjectWriter envelopes = JsonMapper.shared().writerFor(OrderEventEnvelope.class);
    /** The tracer, looked up once: asking the bean factory on every event cost placement ~2 % of its CPU. */
    private volatile Optional<Tracer> resolvedTracer;

    public OrderChangeLog(Outbox outbox, Clock clock, ObjectProvider<Tracer> tracer) {
        this.outbox = outbox;
        this.eventIds = new EventIds(clock);
        this.tracer = tracer;
    }

    /** The W3C {@code traceparent} of the current span (the HTTP request that made the change), if traced. */
    private String traceparent() {
        Optional<Tracer> known = resolvedTracer;
        if (known == null) {
            known = Optional.ofNullable(tracer.getIfAvailable());
            resolvedTracer = known;
        }
        Tracer current = known.orElse(null);
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        TraceContext context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    /** Records {@code event}, raised by the change that produced {@code after}, in the caller's transaction. */
    public void record(JdbcClient transaction, Order.Snapshot after, OrderEvent event) {
        if (event.version() != after.version() || !event.orderNo().equals(after.orderNo())) {
            throw new IllegalArgumentException("event " + event + " does not describe order state " + after.orderNo()
                    + " at version " + after.version());
        }
        EventType type = OrderDocuments.typeOf(event);
        UUID eventId = eventIds.next();
        String orderNo = event.orderNo().toString();
        String traceparent = traceparent();
        OrderEventEnvelope envelope = new OrderEventEnvelope(eventId.toString(), type.name(), orderNo,
                event.orderNo().shard().value(), event.version(), event.occurredAt(), traceparent, type.schemaVersion(),
                OrderDocuments.of(after));
        outbox.append(transaction, event.orderNo().shard(), new OutboxRecord(eventId, OrderEventCatalogue.AGGREGATE_TYPE, orderNo, type.name(),
                event.version(), event.occurredAt(), traceparent, envelopes.writeValueAsString(envelope)));
    }
}
