package baedal.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import baedal.embedded.EmbeddedPlatform;
import baedal.embedded.EmbeddedSettings;
import baedal.outbox.RelayHarness.Event;
import baedal.sharding.ShardNo;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxRelayIntegrationTests {

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

    @Test
    void publishesEveryEventInOrderPerAggregateUnderConcurrentWrites() throws Exception {
        try (RelayHarness world = new RelayHarness(platform, 2, RelayHarness.quickSettings())) {
            OutboxRelay relay = world.startRelay();
            int aggregates = 40;
            int versions = 5;
            appendConcurrently(world, "order-", aggregates, versions);

            List<Event> events = world.awaitEveryAppendedEvent(Duration.ofSeconds(30));

            assertThat(events).hasSize(aggregates * versions);
            assertThat(RelayHarness.ids(events)).hasSize(aggregates * versions);
            assertInVersionOrderPerAggregate(events, aggregates, versions);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.type()).isEqualTo("OrderPlaced");
                assertThat(event.aggregateType()).isEqualTo("Order");
            });
            for (ShardNo shard : List.of(new ShardNo(0), new ShardNo(1))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> world.count(shard, "published_at is null") == 0);
            }
            var meters = world.metersOf(relay);
            double published = meters.find("baedal.outbox.published").counters().stream()
                    .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
            assertThat(published).isEqualTo(aggregates * versions);
            assertThat(meters.find("baedal.outbox.publish.latency").tag("shard", "1").timer().count()).isPositive();
            assertThat(meters.find("baedal.outbox.pending").tag("shard", "0").gauge()).isNotNull();
            var health = new OutboxHealthIndicator(relay).health();
            assertThat(health.getStatus().getCode()).isEqualTo("UP");
            assertThat(health.getDetails().get("shards").toString())
                    .contains("shard-0={lease=held-here", "shard-1={lease=held-here");
        }
    }

    @Test
    void wakesOnACommitInsteadOfWaitingForItsPoll() throws Exception {
        try (RelayHarness world = new RelayHarness(platform, 1, RelayHarness.quickSettings())) {
            OutboxProperties quick = world.properties;
            OutboxProperties slowPoll = quick.withPollInterval(Duration.ofMinutes(5));
            OutboxRelay relay = world.startRelay(slowPoll, RelayFaults.NONE);
            await().atMost(Duration.ofSeconds(10)).until(() -> heldHere(relay, 0));
            Thread.sleep(500); // the worker has found the outbox empty and waits for a notification

            world.append("woken-1", 1);
            world.append("woken-2", 1);

            // Far sooner than the five-minute poll: only the notification sent after the commit can wake it.
            assertThat(world.awaitEveryAppendedEvent(Duration.ofSeconds(20))).hasSize(2);
            ShardNo shard = new ShardNo(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> world.count(shard, "published_at is null") == 0);
            // published_at is when Kafka acknowledged each row: after it was written, not in the future.
            assertThat(world.count(shard, "published_at >= written_at and published_at <= clock_timestamp()"))
                    .isEqualTo(2);
        }
    }

    @Test
    void drainsTheBacklogAfterKafkaComesBack() throws Exception {
        try (RelayHarness world = new RelayHarness(platform, 2, RelayHarness.quickSettings())) {
            OutboxRelay relay = world.startRelay();
            for (int i = 0; i < 10; i++) {
                world.append("early-" + i, 1);
            }
            world.awaitEveryAppendedEvent(Duration.ofSeconds(30));

            platform.stopKafka();
            try {
                appendVersions(world, "late-", 10, 1, 2);
                await().atMost(Duration.ofSeconds(30)).until(() -> relay.workers().stream()
                        .anyMatch(worker -> worker.status().lastError() != null));
                appendVersions(world, "late-", 10, 3, 4);
                long pendingWhileDown = world.count(new ShardNo(0), "published_at is null")
                        + world.count(new ShardNo(1), "published_at is null");
                assertThat(pendingWhileDown).isEqualTo(40);
            } finally {
                platform.startKafka();
            }

            List<Event> events = world.awaitEveryAppendedEvent(Duration.ofSeconds(60));
            assertThat(RelayHarness.ids(events)).containsExactlyInAnyOrderElementsOf(world.appended);
            assertInVersionOrderPerAggregate(events.stream().filter(e -> e.key().startsWith("late-")).toList(), 10, 4);
        }
    }

    private static void appendVersions(RelayHarness world, String prefix, int aggregates, int fromVersion, int toVersion) {
        for (int version = fromVersion; version <= toVersion; version++) {
            for (int i = 0; i < aggregates; i++) {
                world.append(prefix + i, version);
            }
        }
    }

    @Test
    void resendsOnlyWithTheSameEventIdWhenTheRelayDiesMidBatch() throws Exception {
        try (RelayHarness world = new RelayHarness(platform, 1, RelayHarness.quickSettings())) {
            AtomicBoolean died = new AtomicBoolean();
            int[] acknowledgedBeforeDeath = {0};
            RelayFaults dieOnceBeforeMarking = (shard, lease, acknowledged) -> {
                if (died.compareAndSet(false, true)) {
                    acknowledgedBeforeDeath[0] = acknowledged;
                    try {
                        lease.close();
                    } catch (SQLException ignored) {
                        // the session ends either way
                    }
                    throw new SimulatedDeath();
                }
            };
            for (int version = 1; version <= 3; version++) {
                for (int i = 0; i < 20; i++) {
                    world.append("order-" + i, version);
                }
            }
            world.startRelay(dieOnceBeforeMarking);
            world.startRelay(dieOnceBeforeMarking);

            List<Event> events = world.awaitEveryAppendedEvent(Duration.ofSeconds(30));
            for (int i = 0; i < 20; i++) {
                world.append("order-" + i, 4);
            }
            events = world.awaitEveryAppendedEvent(Duration.ofSeconds(30));

            assertThat(died).isTrue();
            assertThat(acknowledgedBeforeDeath[0]).isPositive();
            assertThat(events.size() - RelayHarness.ids(events).size())
                    .as("events sent twice because the dead relay never marked them")
                    .isGreaterThanOrEqualTo(acknowledgedBeforeDeath[0]);
            assertThat(RelayHarness.ids(events)).containsExactlyInAnyOrderElementsOf(world.appended);
            assertInVersionOrderPerAggregate(events, 20, 4);
        }
    }

    /**
     * Transaction ids are taken at a transaction's first write, so the change that writes version 2 may hold an
     * older id than the one that wrote version 1. The relay reads in (transaction, insertion) order and must still
     * send version 1 first: at once when version 1's transaction has ended, else once the transactions in between
     * have ended. Batches of one row put the two versions in different batches.
     */
    @Test
    void keepsAnAggregatesVersionsInOrderWhenTheLaterVersionHasTheOlderTransaction() throws Exception {
        OutboxProperties oneRowBatches = RelayHarness.quickSettings().withBatching(1, Duration.ofSeconds(1));
        try (RelayHarness world = new RelayHarness(platform, 1, oneRowBatches)) {
            ShardNo shard = new ShardNo(0);
            ExecutorService writers = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch olderHasId = new CountDownLatch(1);
                CountDownLatch betweenHasId = new CountDownLatch(1);
                CountDownLatch versionOneDone = new CountDownLatch(1);
                CountDownLatch releaseBetween = new CountDownLatch(1);
                Future<?> versionTwo = writers.submit(() -> world.append("inverted", 2, jdbc -> {
                    jdbc.sql("select pg_current_xact_id()").query(String.class).single(); // takes the older id
                    olderHasId.countDown();
                    awaitLatch(versionOneDone);
                }));
                awaitLatch(olderHasId);
                Future<?> between = writers.submit(() -> world.append("between", 1, jdbc -> {
                    jdbc.sql("select pg_current_xact_id()").query(String.class).single();
                    betweenHasId.countDown();
                    awaitLatch(releaseBetween); // stays open: the horizon cannot pass it
                }));
                awaitLatch(betweenHasId);
                world.append("inverted", 1);
                versionOneDone.countDown();
                versionTwo.get(10, TimeUnit.SECONDS);
                assertThat(world.count(shard, "aggregateid = 'inverted' and version = 2 and tx < "
                        + "(select tx from outbox where aggregateid = 'inverted' and version = 1)"))
                        .as("version 2 holds the older transaction id").isEqualTo(1);

                world.startRelay();
                Thread.sleep(1_000);
                assertThat(world.count(shard, "aggregateid = 'inverted' and published_at is not null"))
                        .as("nothing of the aggregate is sent while version 1 is beyond the horizon").isZero();
                releaseBetween.countDown();
                between.get(10, TimeUnit.SECONDS);

                List<Event> events = world.awaitEveryAppendedEvent(Duration.ofSeconds(30));
                assertThat(events.stream().filter(event -> event.key().equals("inverted")).map(Event::version))
                        .containsExactly(1L, 2L);
                await().atMost(Duration.ofSeconds(10)).until(() -> world.count(shard, "published_at is null") == 0);
            } finally {
                writers.shutdownNow();
            }
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other transaction");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    void runsOnePublisherPerShardAndFailsOverWhenItStops() throws Exception {
        try (RelayHarness world = new RelayHarness(platform, 2, RelayHarness.quickSettings())) {
            OutboxRelay first = world.startRelay();
            OutboxRelay second = world.startRelay();
            await().atMost(Duration.ofSeconds(10)).until(() -> holders(first, second).values().stream()
                    .allMatch(count -> count == 1) && holders(first, second).size() == 2);
            for (int i = 0; i < 10; i++) {
                world.append("before-" + i, 1);
            }
            world.awaitEveryAppendedEvent(Duration.ofSeconds(30));

            OutboxRelay holderOfShardZero = heldHere(first, 0) ? first : second;
            OutboxRelay survivor = holderOfShardZero == first ? second : first;
            holderOfShardZero.stop();

            await().atMost(Duration.ofSeconds(5)).until(() -> heldHere(survivor, 0) && heldHere(survivor, 1));
            for (int i = 0; i < 10; i++) {
                world.append("after-" + i, 1);
            }
            List<Event> events = world.awaitEveryAppendedEvent(Duration.ofSeconds(30));
            assertThat(RelayHarness.ids(events)).containsExactlyInAnyOrderElementsOf(world.appended);
        }
    }

    @Test
    void neverRemovesAnUnpublishedRow() throws Exception {
        try (RelayHarness world = new RelayHarness(platform, 1, RelayHarness.quickSettings())) {
            ShardNo shard = new ShardNo(0);
            OutboxRelay publishing = world.startRelay();
            for (int i = 0; i < 20; i++) {
                world.append("old-" + i, 1);
            }
            world.awaitEveryAppendedEvent(Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> world.count(shard, "published_at is not null") == 20);
            publishing.stop();
            for (int i = 0; i < 5; i++) {
                world.append("stuck-" + i, 1);
            }

            OutboxProperties zeroRetention = world.properties.withRetention(Duration.ZERO)
                    .withRetentionSchedule(Duration.ofMillis(200), 7);
            world.startRelay(zeroRetention, KafkaUnreachable::new, RelayFaults.NONE);

            await().atMost(Duration.ofSeconds(20)).until(() -> world.count(shard, "published_at is not null") == 0);
            assertThat(world.count(shard, "published_at is null")).isEqualTo(5);
            assertThat(world.count(shard, "aggregateid like 'stuck-%'")).isEqualTo(5);
        }
    }

    @Test
    void requeuesAnAggregatesEventsWithTheirEventIds() throws Exception {
        try (RelayHarness world = new RelayHarness(platform, 1, RelayHarness.quickSettings())) {
            ShardNo shard = new ShardNo(0);
            OutboxRepublisher republisher = new OutboxRepublisher(world.shards);
            world.startRelay();
            Instant start = Instant.now().minusSeconds(1);
            List<UUID> first = List.of(world.append("a", 1), world.append("a", 2), world.append("a", 3));
            world.append("b", 1);
            world.append("b", 2);
            world.awaitReceived(5, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> world.count(shard, "published_at is null") == 0);

            assertThat(republisher.republishAggregate(shard, "a")).isEqualTo(3);
            List<Event> afterAggregate = world.awaitReceived(8, Duration.ofSeconds(30));
            assertThat(afterAggregate.subList(5, 8)).extracting(Event::eventId).containsExactlyElementsOf(first);
            await().atMost(Duration.ofSeconds(10)).until(() -> world.count(shard, "published_at is null") == 0);

            assertThat(republisher.republishRange(shard, start, Instant.now().plusSeconds(1))).isEqualTo(5);
            List<Event> afterRange = world.awaitReceived(13, Duration.ofSeconds(30));
            assertThat(afterRange.subList(8, 13)).extracting(Event::eventId)
                    .containsExactlyInAnyOrderElementsOf(RelayHarness.ids(afterRange.subList(0, 5)));
            assertVersionOrder(afterRange.subList(8, 13), List.of("a", "b"));
            assertThat(republisher.republishRange(shard, start.minusSeconds(3600), start)).isZero();
        }
    }

    private static void appendConcurrently(RelayHarness world, String prefix, int aggregates, int versions)
            throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int offset = writer;
                done.add(writers.submit(() -> {
                    for (int version = 1; version <= versions; version++) {
                        for (int i = offset; i < aggregates; i += 4) {
                            world.append(prefix + i, version);
                        }
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    /** Every event id stands for one aggregate version; each aggregate's first sightings are versions 1..k in order. */
    private static void assertInVersionOrderPerAggregate(List<Event> events, int aggregates, int versions) {
        Map<UUID, Event> byId = new HashMap<>();
        for (Event event : events) {
            Event first = byId.putIfAbsent(event.eventId(), event);
            if (first != null) {
                assertThat(event).as("a re-sent event keeps its id and content").isEqualTo(first);
            }
        }
        assertVersionOrder(events, aggregates, versions);
    }

    private static void assertVersionOrder(List<Event> events, int aggregates, int versions) {
        Map<String, List<Long>> firstSightings = firstSightings(events);
        assertThat(firstSightings).hasSize(aggregates);
        List<Long> expected = LongStream.rangeClosed(1, versions).boxed().toList();
        firstSightings.forEach((key, seen) -> assertThat(seen).as("versions of %s in topic order", key)
                .containsExactlyElementsOf(expected));
    }

    private static void assertVersionOrder(List<Event> events, List<String> keys) {
        Map<String, List<Long>> firstSightings = firstSightings(events);
        assertThat(firstSightings.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        firstSightings.forEach((key, seen) -> assertThat(seen).as("versions of %s in topic order", key).isSorted());
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

    private static Map<Integer, Integer> holders(OutboxRelay... relays) {
        Map<Integer, Integer> holders = new HashMap<>();
        for (OutboxRelay relay : relays) {
            for (RelayWorker worker : relay.workers()) {
                if (worker.status().lease() == RelayLease.State.HELD_HERE) {
                    holders.merge(worker.shard().value(), 1, Integer::sum);
                }
            }
        }
        return holders;
    }

    private static boolean heldHere(OutboxRelay relay, int shard) {
        return relay.workers().stream().anyMatch(worker -> worker.shard().value() == shard
                && worker.status().lease() == RelayLease.State.HELD_HERE);
    }

    /** Ends the worker thread like a crash of its process: nothing after it runs. */
    static final class SimulatedDeath extends Error {
        SimulatedDeath() {
            super("simulated death of the relay between Kafka's acknowledgement and marking", null, false, false);
        }
    }

    /** An in-memory publisher whose broker never answers: nothing is ever acknowledged. */
    static final class KafkaUnreachable implements OutboxPublisher {
        @Override
        public Outcome publish(List<PendingEvent> events) {
            return new Outcome(List.of(), List.of(), new org.apache.kafka.common.errors.TimeoutException("unreachable"));
        }

        @Override
        public void close() {
        }
    }
}
