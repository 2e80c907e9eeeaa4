package baedal.order.web;

import baedal.order.OrderNo;
import baedal.order.OrderNotFound;
import baedal.order.events.ProjectionTimes;
import baedal.order.persistence.OrderEventTrail;
import baedal.outbox.OutboxEntries;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/orders/{orderNo}/events}: each event of the order, when it was written, published and
 * projected into the read model (when a read model runs here and has projected it; otherwise no
 * {@code projectedAt}).
 */
@RestController
class OrderEventsController {

    private static final Logger log = LoggerFactory.getLogger(OrderEventsController.class);

    private final OrderEventTrail trail;
    private final ObjectProvider<ProjectionTimes> projections;

    OrderEventsController(OrderEventTrail trail, ObjectProvider<ProjectionTimes> projections) {
        this.trail = trail;
        this.projections = projections;
    }

    record EventView(String eventId, String type, long version, Instant occurredAt, Instant writtenAt,
            Instant publishedAt, Instant projectedAt, String traceparent) {
    }

    @GetMapping(path = "/api/orders/{orderNo}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    List<EventView> events(@PathVariable String orderNo) {
        OrderNo no = OrderNo.parse(orderNo).orElseThrow(() -> new OrderNotFound(orderNo));
        List<OutboxEntries.Entry> entries = trail.of(no);
        Map<UUID, Instant> projected = projectionTimes(no);
        return entries.stream()
                .map(entry -> new EventView(entry.eventId().toString(), entry.type(), entry.version(),
                        entry.occurredAt(), entry.writtenAt(), entry.publishedAt(), projected.get(entry.eventId()),
                        entry.traceparent()))
                .toList();
    }

    /** The read model's projection times, or none when it does not run here or cannot be asked right now. */
    private Map<UUID, Instant> projectionTimes(OrderNo no) {
        ProjectionTimes times = projections.getIfAvailable();
        if (times == null) {
            return Map.of();
        }
        try {
            return times.of(no.value());
        } catch (RuntimeException unavailable) {
            log.debug("Projection times of {} are unavailable: {}", no, unavailable.toString());
            return Map.of();
        }
    }
}
