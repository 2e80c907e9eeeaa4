package baedal.flags;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the flags ({@code baedal.flags.*}).
 *
 * @param datasource the flags' own database; on the embedded default {@code baedal_flags} on the embedded server
 * @param topic the compacted topic every change is published on and every instance follows
 * @param reconcileInterval how often an instance compares what it holds with the database and repairs a missed
 *        message (also when it retries acknowledgements it could not write)
 * @param instanceId this instance's name in the acknowledgements; default host name and process id
 * @param dataDir where the last-known-good snapshot is kept ({@code snapshot.json}); default
 *        {@code <embedded data dir>/flags}, else {@code ./data/flags}
 */
@ConfigurationProperties("baedal.flags")
public record FlagsProperties(Datasource datasource, @DefaultValue("baedal.flags") String topic,
        @DefaultValue("30s") Duration reconcileInterval, @Nullable String instanceId, @Nullable Path dataDir) {

    /** The flags' database. */
    public record Datasource(@Nullable String url, @DefaultValue("baedal") String username,
            @DefaultValue("") String password) {
    }

    public FlagsProperties {
        if (datasource == null) {
            datasource = new Datasource(null, "baedal", "");
        }
        if (reconcileInterval.isNegative() || reconcileInterval.isZero()) {
            throw new IllegalArgumentException("baedal.flags.reconcile-interval must be positive: " + reconcileInterval);
        }
    }
}
