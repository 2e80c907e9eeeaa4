package baedal.orderview.messaging;

import baedal.orderview.OrderViewStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports the read model: whether its database answers, whether this instance's projector runs, how far behind
 * each of its partitions is, how many records are parked, and the last failed batch. A read model that lags or
 * whose database is down does not take the platform down (orders are still placed), so the status stays UP.
 */
final class OrderViewHealthIndicator implements HealthIndicator {

    private final OrderViewProjector projector;
    private final OrderViewStore store;

    OrderViewHealthIndicator(OrderViewProjector projector, OrderViewStore store) {
        this.projector = projector;
        this.store = store;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            details.put("database", "up");
            details.put("parked", store.parkedCount());
        } catch (RuntimeException unavailable) {
            details.put("database", "unavailable: " + unavailable.getMessage());
        }
        details.put("projector", projector.isRunning() ? (projector.consumersAlive() ? "running" : "consumer ended")
                : "off");
        details.put("lag", projector.lagByPartition());
        if (projector.lastError() != null) {
            details.put("lastError", projector.lastError());
            details.put("lastErrorAt", projector.lastErrorAt().toString());
        }
        return Health.up().withDetails(details).build();
    }
}
