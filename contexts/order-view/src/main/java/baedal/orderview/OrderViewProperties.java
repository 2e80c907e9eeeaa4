package baedal.orderview;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The order read model's settings ({@code baedal.order-view.*}). It has its own database, pool and migrations,
 * apart from the catalog's {@code spring.datasource}: the query side must keep serving order history when another
 * context's database is down, and the other way round.
 *
 * @param datasource {@code baedal.order-view.datasource.url / .username / .password} — the read model's own
 *        PostgreSQL database (the embedded default creates {@code baedal_order_view}; external mode must set the url)
 * @param poolSize {@code baedal.order-view.pool-size} — connections to that database (default 8)
 * @param connectionTimeout {@code baedal.order-view.connection-timeout} — wait for a connection before a query
 *        fails with 503 (default 1 s)
 * @param migrationsLocation {@code baedal.order-view.migrations-location} — its Flyway location (default
 *        {@code classpath:db/order-view}); the history table is {@code order_view_schema_history}
 * @param zone {@code baedal.order-view.zone} — the zone of the shops' business day: {@code placedDate} and the
 *        shop's orders of a day (default {@code Asia/Seoul})
 * @param readYourWritesTimeout {@code baedal.order-view.read-your-writes-timeout} — how long a read with
 *        {@code minVersion} waits at most for the projection to reach that version (default 2 s, at most 10 s)
 * @param defaultPageSize {@code baedal.order-view.default-page-size} — page size when none is asked (default 20)
 * @param maxPageSize {@code baedal.order-view.max-page-size} — the largest page size a client may ask (default 50)
 * @param projector the projector's settings ({@code baedal.order-view.projector.*})
 */
@ConfigurationProperties("baedal.order-view")
public record OrderViewProperties(
        @DefaultValue Datasource datasource,
        @DefaultValue("8") int poolSize,
        @DefaultValue("1s") Duration connectionTimeout,
        @DefaultValue("classpath:db/order-view") String migrationsLocation,
        @DefaultValue("Asia/Seoul") ZoneId zone,
        @DefaultValue("2s") Duration readYourWritesTimeout,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("50") int maxPageSize,
        @DefaultValue Projector projector) {

    public OrderViewProperties {
        if (poolSize < 1) {
            throw new IllegalArgumentException("baedal.order-view.pool-size must be at least 1: " + poolSize);
        }
        requirePositive(connectionTimeout, "connection-timeout");
        if (migrationsLocation == null || migrationsLocation.isBlank()) {
            throw new IllegalArgumentException("baedal.order-view.migrations-location must name a location");
        }
        if (zone == null) {
            throw new IllegalArgumentException("baedal.order-view.zone must name a time zone");
        }
        if (readYourWritesTimeout == null || readYourWritesTimeout.isNegative()
                || readYourWritesTimeout.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("baedal.order-view.read-your-writes-timeout must be within 0..10s: "
                    + readYourWritesTimeout);
        }
        if (maxPageSize < 1 || maxPageSize > 500) {
            throw new IllegalArgumentException("baedal.order-view.max-page-size must be within 1..500: " + maxPageSize);
        }
        if (defaultPageSize < 1 || defaultPageSize > maxPageSize) {
            throw new IllegalArgumentException("baedal.order-view.default-page-size must be within 1..max-page-size: "
                    + defaultPageSize);
        }
    }

    /** The defaults listed above, with the given database. */
    public static OrderViewProperties defaults(Datasource datasource) {
        return new OrderViewProperties(datasource, 8, Duration.ofSeconds(1), "classpath:db/order-view",
                ZoneId.of("Asia/Seoul"), Duration.ofSeconds(2), 20, 50, Projector.defaults());
    }

    /** The same settings with other projector settings; for tests and tools. */
    public OrderViewProperties withProjector(Projector projector) {
        return new OrderViewProperties(datasource, poolSize, connectionTimeout, migrationsLocation, zone,
                readYourWritesTimeout, defaultPageSize, maxPageSize, projector);
    }

    /** The same settings with another read-your-writes timeout; for tests and tools. */
    public OrderViewProperties withReadYourWritesTimeout(Duration timeout) {
        return new OrderViewProperties(datasource, poolSize, connectionTimeout, migrationsLocation, zone, timeout,
                defaultPageSize, maxPageSize, projector);
    }

    /** The read model's database. The url is required; the embedded default sets it. */
    public record Datasource(String url, @DefaultValue("postgres") String username, @DefaultValue("") String password) {

        public Datasource {
            username = username == null ? "postgres" : username;
            password = password == null ? "" : password;
        }

        /** Throws a message naming the setting when no url was configured. */
        public String requiredUrl() {
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("baedal.order-view.datasource.url is not set: the order read model "
                        + "needs its own PostgreSQL database (the embedded default creates baedal_order_view)");
            }
            return url;
        }
    }

    /**
     * The projector: the Kafka consumer group that turns order events into documents.
     *
     * @param enabled {@code .enabled} — whether this instance runs projector consumers (default {@code true});
     *        every instance may, the group shares the partitions out
     * @param topic {@code .topic} — the order events' topic (default {@code baedal.order-events})
     * @param groupId {@code .group-id} — the consumer group (default {@code order-view-projector})
     * @param concurrency {@code .concurrency} — consumers (threads) in this instance (default 1)
     * @param batchSize {@code .batch-size} — records per poll, written in one transaction (default 500)
     * @param pollTimeout {@code .poll-timeout} — longest wait of one poll (default 500 ms)
     * @param backoffInitial {@code .backoff-initial} — first pause after a failed batch (default 100 ms)
     * @param backoffMax {@code .backoff-max} — longest pause; pauses double up to it (default 10 s)
     */
    public record Projector(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("baedal.order-events") String topic,
            @DefaultValue("order-view-projector") String groupId,
            @DefaultValue("1") int concurrency,
            @DefaultValue("500") int batchSize,
            @DefaultValue("500ms") Duration pollTimeout,
            @DefaultValue("100ms") Duration backoffInitial,
            @DefaultValue("10s") Duration backoffMax) {

        public Projector {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("baedal.order-view.projector.topic must name a topic");
            }
            if (groupId == null || groupId.isBlank()) {
                throw new IllegalArgumentException("baedal.order-view.projector.group-id must name a group");
            }
            if (concurrency < 1 || concurrency > 64) {
                throw new IllegalArgumentException("baedal.order-view.projector.concurrency must be within 1..64: "
                        + concurrency);
            }
            if (batchSize < 1 || batchSize > 5_000) {
                throw new IllegalArgumentException("baedal.order-view.projector.batch-size must be within 1..5000: "
                        + batchSize);
            }
            requirePositive(pollTimeout, "projector.poll-timeout");
            requirePositive(backoffInitial, "projector.backoff-initial");
            requirePositive(backoffMax, "projector.backoff-max");
            if (backoffMax.compareTo(backoffInitial) < 0) {
                throw new IllegalArgumentException(
                        "baedal.order-view.projector.backoff-max must not be shorter than backoff-initial");
            }
        }

        public static Projector defaults() {
            return new Projector(true, "baedal.order-events", "order-view-projector", 1, 500,
                    Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(10));
        }

        /** The same settings on another topic and group; for tests and tools. */
        public Projector on(String topic, String groupId) {
            return new Projector(enabled, topic, groupId, concurrency, batchSize, pollTimeout, backoffInitial,
                    backoffMax);
        }

        /** The same settings with another batch size; for tests and tools. */
        public Projector withBatchSize(int batchSize) {
            return new Projector(enabled, topic, groupId, concurrency, batchSize, pollTimeout, backoffInitial,
                    backoffMax);
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("baedal.order-view." + name + " must be a positive duration: " + value);
        }
    }
}
