package baedal.outbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports each database's relay, shards under {@code shards} ({@code shard-0}…) and databases of their own under
 * {@code databases} ({@code riders}…): whether this instance holds the lease ({@code held-here}), another does
 * ({@code held-elsewhere}), or the database cannot be reached ({@code unreachable}); how many rows wait and how old
 * the oldest is; and the last error. A backlog does not take the platform down (writes go on), so the status stays UP.
 */
final class OutboxHealthIndicator implements HealthIndicator {

    private final OutboxRelay relay;

    OutboxHealthIndicator(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Health health() {
        Map<String, Object> shards = new LinkedHashMap<>();
        Map<String, Object> databases = new LinkedHashMap<>();
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
            (worker.shard() != null ? shards : databases).put(worker.database().name(), details);
        }
        Health.Builder health = Health.up().withDetail("running", relay.isRunning()).withDetail("shards", shards);
        return (databases.isEmpty() ? health : health.withDetail("databases", databases)).build();
    }
}
