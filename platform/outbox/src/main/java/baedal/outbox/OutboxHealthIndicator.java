package baedal.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports each shard's relay: whether this instance holds the lease ({@code held-here}), another does
 * ({@code held-elsewhere}), or the shard cannot be reached; how many rows wait and how old the oldest is; and the
 * last error. A backlog does not take the platform down (placement goes on), so the status stays UP.
 */
final class OutboxHealthIndicator implements HealthIndicator {

    private final OutboxRelay relay;

    OutboxHealthIndicator(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Health health() {
        Map<String, Object> shards = new LinkedHashMap<>();
        for (RelayWorker worker : relay.workers()) {
            RelayWorker.Status status = worker.status();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("lease", status.lease().name().toLowerCase().replace('_', '-'));
            details.put("pending", status.pending());
            details.put("oldestPendingAgeSeconds", Math.round(status.oldestPendingAgeSeconds() * 10) / 10.0);
            if (status.lastError() != null) {
                details.put("lastError", status.lastError());
                details.put("lastErrorAt", status.lastErrorAt().toString());
            }
            shards.put(worker.shard().toString(), details);
        }
        return Health.up().withDetail("running", relay.isRunning()).withDetail("shards", shards).build();
    }
}
