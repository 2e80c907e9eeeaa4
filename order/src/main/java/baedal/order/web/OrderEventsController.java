package baedal.order.web;

import baedal.order.OrderNo;
import baedal.order.OrderNotFound;
import baedal.order.persistence.OrderEventTrail;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/orders/{orderNo}/events}: each event of the order, when it was written and published. */
@RestController
class OrderEventsController {

    private final OrderEventTrail trail;

    OrderEventsController(OrderEventTrail trail) {
        this.trail = trail;
    }

    record EventView(String eventId, String type, long version, Instant occurredAt, Instant writtenAt,
            Instant publishedAt, String traceparent) {
    }

    @GetMapping(path = "/api/orders/{orderNo}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    List<EventView> events(@PathVariable String orderNo) {
        OrderNo no = OrderNo.parse(orderNo).orElseThrow(() -> new OrderNotFound(orderNo));
        return trail.of(no).stream()
                .map(entry -> new EventView(entry.eventId().toString(), entry.type(), entry.version(),
                        entry.occurredAt(), entry.writtenAt(), entry.publishedAt(), entry.traceparent()))
                .toList();
    }
}
