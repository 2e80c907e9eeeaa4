package baedal.order.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * When a consumer projected an order's events into its read model. The order context asks through this
 * interface so that operators see the whole flow of an event — written, published, projected — without the
 * order context depending on the read model: the read model implements it, and where none runs the order's
 * events simply show no projection time.
 */
public interface ProjectionTimes {

    /** When each of the order's events was projected, by event id; events not projected (yet) are absent. */
    Map<UUID, Instant> of(long orderNo);
}
