package baedal.app;

import baedal.sharding.Shard;
import baedal.sharding.Shards;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Reports each shard's state. The platform is UP while at least one shard takes new orders (placement moves
 * to healthy shards); a shard that is down shows as such in the details without taking the platform down.
 */
@Component
class ShardsHealthIndicator implements HealthIndicator {

    private final Shards shards;

    ShardsHealthIndicator(Shards shards) {
        this.shards = shards;
    }

    @Override
    public Health health() {
        Map<String, String> states = new LinkedHashMap<>();
        boolean anyTakesWork = false;
        for (Shard shard : shards.all()) {
            states.put(shard.no().toString(), shard.state());
            anyTakesWork |= shard.acceptsNewWork();
        }
        return (anyTakesWork ? Health.up() : Health.down()).withDetails(states).build();
    }
}
