package baedal.flags;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The flags on {@code /actuator/health} ({@code flags}): always UP — an instance answers with what it holds whatever
 * is unreachable — with where its state came from, whether its feed is reading, the database's last problem and the
 * version of each flag it runs.
 */
final class FlagsHealthIndicator implements HealthIndicator {

    private final FlagRuntime runtime;
    private final FlagFeed feed;
    private final LiveFlags live;

    FlagsHealthIndicator(FlagRuntime runtime, FlagFeed feed, LiveFlags live) {
        this.runtime = runtime;
        this.feed = feed;
        this.live = live;
    }

    @Override
    public Health health() {
        Map<String, Long> versions = new TreeMap<>();
        live.all().forEach(state -> versions.put(state.key(), state.version()));
        Health.Builder health = Health.up()
                .withDetail("instance", runtime.instanceId())
                .withDetail("loadedFrom", runtime.loadedFrom().name())
                .withDetail("feed", feed.following() ? "following" : "connecting")
                .withDetail("database", runtime.databaseProblem().map(problem -> "unreachable: " + problem).orElse("reachable"))
                .withDetail("unsentAcknowledgements", runtime.unsentAcknowledgements())
                .withDetail("versions", versions);
        runtime.lastReconciled().ifPresent(at -> health.withDetail("lastReconciled", at.toString()));
        feed.lastMessageAt().ifPresent(at -> health.withDetail("lastMessage", at.toString()));
        return health.build();
    }
}
