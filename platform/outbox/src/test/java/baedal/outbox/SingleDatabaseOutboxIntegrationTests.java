package baedal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import baedal.embedded.EmbeddedPlatform;
import baedal.embedded.EmbeddedSettings;
import baedal.outbox.RelayHarness.Event;
import baedal.sharding.ShardNo;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A context's database of its own (here {@code riders}) registered with the outbox, on real PostgreSQL and Kafka:
 * the same guarantees as on the shards, with one relay worker for the database.
 */
class SingleDatabaseOutboxIntegrationTests {

    @TempDir
    static Path dataDir;

    static EmbeddedPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = EmbeddedPlatform.start(EmbeddedSettings.defaults().withDataDir(dataDir).withFreePorts());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    /** The one database of the world; the harness reaches it as its only "shard" for plain transactions. */
    private static final ShardNo DATABASE = new ShardNo(0);

    @Test
    void migratesTheOutboxIntoTheDatabaseWithItsOwnHistory() {
        try (RelayHarness world = RelayHarness.single(platform, "riders", RelayHarness.quickSettings())) {
            long applied = world.shards.get(DATABASE).inTransaction(jdbc -> jdbc.sql(
                    "select count(*) from outbox_schema_history where success and version::int >= 1").query(Long.class).single());
            assertThat(applied).isEqualTo(4);
            assertThat(world.count(DATABASE, "true")).isZero();
        }
    }

    @Test
    void appendsInTheCallersTransactionAndRelaysInOrderPerAggregate() throws Exception {
        try (RelayHarness world = RelayHarness.single(platform, "riders", RelayHarness.quickSettings())) {
            OutboxRelay relay = world.startRelay();
            OutboxRecord rolledBack = new OutboxRecord(world.eventIds.next(), "Rider", "rolled-back", "ShiftStarted", 1,
                    Instant.now(), null, "{\"version\": 1}");
            assertThatIllegalStateException().isThrownBy(() -> world.shards.get(DATABASE).inTransaction(jdbc -> {
                world.outbox.append(jdbc, "riders", rolledBack);
                throw new IllegalStateException("the change fails after its event was appended");
            }));
            assertThat(world.count(DATABASE, "aggregateid = 'rolled-back'")).as("the event goes with its change").isZero();
            for (int version = 1; version <= 5; version++) {
                for (int rider = 0; rider < 8; rider++) {
                    world.append("rider-" + rider, version);
                }
            }

            List<Event> events = world.awaitEveryAppendedEvent(Duration.ofSeconds(30));

            assertThat(events).extracting(Event::key).doesNotContain("rolled-back");
            assertThat(events).allSatisfy(event -> assertThat(event.aggregateType()).isEqualTo("Rider"));
            Map<String, List<Long>> versions = firstSightings(events);
            assertThat(versions).hasSize(8);
            versions.forEach((rider, seen) -> assertThat(seen).as(rider).containsExactly(1L, 2L, 3L, 4L, 5L));
            await().atMost(Duration.ofSeconds(10)).until(() -> world.count(DATABASE, "published_at is null") == 0);

            var meters = world.metersOf(relay);
            assertThat(meters.find("baedal.outbox.published").tag("database", "riders").tag("shard", "none")
                    .counter().count()).isEqualTo(40);
            assertThat(meters.find("baedal.outbox.pending").tag("database", "riders").gauge()).isNotNull();
            var health = new OutboxHealthIndicator(relay).health();
            assertThat(health.getDetails().get("databases").toString()).contains("riders={lease=held-here");
        }
    }

    @Test
    void refusesAnAppendToADatabaseNoRegistrationNames() {
        try (RelayHarness world = RelayHarness.single(platform, "riders", RelayHarness.quickSettings())) {
            OutboxRecord record = new OutboxRecord(world.eventIds.next(), "Rider", "r", "ShiftStarted", 1,
                    Instant.now(), null, "{}");
            assertThatIllegalArgumentException().isThrownBy(() -> world.shards.get(DATABASE)
                    .inTransaction(jdbc -> {
                        world.outbox.append(jdbc, "insurance", record);
                        return null;
                    })).withMessageContaining("insurance");
            assertThat(world.count(DATABASE, "true")).isZero();
        }
    }

    @Test
    void oneOfTwoRelaysHoldsTheLeaseAndTheOtherTakesOverWhenItStops() throws Exception {
        try (RelayHarness world = RelayHarness.single(platform, "riders", RelayHarness.quickSettings())) {
            OutboxRelay first = world.startRelay();
            OutboxRelay second = world.startRelay();
            await().atMost(Duration.ofSeconds(10)).until(() -> heldHere(first) != heldHere(second)
                    && (heldElsewhere(first) || heldElsewhere(second)));
            for (int i = 0; i < 10; i++) {
                world.append("before-" + i, 1);
            }
            world.awaitEveryAppendedEvent(Duration.ofSeconds(30));
            assertThat(heldHere(first) && heldHere(second)).as("never both").isFalse();

            OutboxRelay holder = heldHere(first) ? first : second;
            OutboxRelay survivor = holder == first ? second : first;
            holder.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> heldHere(survivor));
            for (int i = 0; i < 10; i++) {
                world.append("after-" + i, 1);
            }

            List<Event> events = world.awaitEveryAppendedEvent(Duration.ofSeconds(30));
            assertThat(RelayHarness.ids(events)).containsExactlyInAnyOrderElementsOf(world.appended);
        }
    }

    @Test
    void republishesAnAggregateAndARangeWithTheirEventIds() throws Exception {
        try (RelayHarness world = RelayHarness.single(platform, "riders", RelayHarness.quickSettings())) {
            OutboxRepublisher republisher = new OutboxRepublisher(world.shards, world.databases);
            world.startRelay();
            Instant start = Instant.now().minusSeconds(1);
            List<UUID> first = List.of(world.append("a", 1), world.append("a", 2), world.append("a", 3));
            world.append("b", 1);
            world.awaitReceived(4, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> world.count(DATABASE, "published_at is null") == 0);

            assertThat(republisher.hasDatabase("riders")).isTrue();
            assertThat(republisher.republishAggregate("riders", "a")).isEqualTo(3);
            List<Event> afterAggregate = world.awaitReceived(7, Duration.ofSeconds(30));
            assertThat(afterAggregate.subList(4, 7)).extracting(Event::eventId).containsExactlyElementsOf(first);
            await().atMost(Duration.ofSeconds(10)).until(() -> world.count(DATABASE, "published_at is null") == 0);

            assertThat(republisher.republishRange("riders", start, Instant.now().plusSeconds(1))).isEqualTo(4);
            List<Event> afterRange = world.awaitReceived(11, Duration.ofSeconds(30));
            assertThat(RelayHarness.ids(afterRange.subList(7, 11)))
                    .containsExactlyInAnyOrderElementsOf(RelayHarness.ids(afterRange.subList(0, 4)));
            assertThat(republisher.hasDatabase("insurance")).isFalse();
        }
    }

    private static boolean heldHere(OutboxRelay relay) {
        return relay.workers().stream().anyMatch(worker -> worker.status().lease() == RelayLease.State.HELD_HERE);
    }

    private static boolean heldElsewhere(OutboxRelay relay) {
        return relay.workers().stream().anyMatch(worker -> worker.status().lease() == RelayLease.State.HELD_ELSEWHERE);
    }

    private static Map<String, List<Long>> firstSightings(List<Event> events) {
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        for (Event event : events) {
            if (seen.add(event.eventId())) {
                versions.computeIfAbsent(event.key(), key -> new ArrayList<>()).add(event.version());
            }
        }
        return versions;
    }
}
