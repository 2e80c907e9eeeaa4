package baedal.flags;

import static baedal.flags.PlatformFlags.MEMBER_REMOTE_CALLS;
import static baedal.flags.PlatformFlags.RIDER_LICENCE_AUTOMATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import baedal.embedded.EmbeddedPlatform;
import baedal.embedded.EmbeddedSettings;
import dev.openfeature.sdk.MutableContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app instances (Spring contexts in this JVM) on real PostgreSQL and Kafka: a change commits with its outbox row,
 * the relay publishes it on {@code baedal.flags}, each instance applies it and acknowledges it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlagPropagationIntegrationTests {

    @TempDir
    static Path dataDir;

    static EmbeddedPlatform platform;
    static FlagInstance first;
    static FlagInstance second;

    @BeforeAll
    static void start() {
        platform = EmbeddedPlatform.start(EmbeddedSettings.defaults().withDataDir(dataDir.resolve("platform")).withFreePorts());
        FlagInstance.createDatabases(platform);
        first = FlagInstance.start(platform, "instance-1", dataDir, Duration.ofHours(1));
        second = FlagInstance.start(platform, "instance-2", dataDir, Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {second, first, platform}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // the next one still closes
            }
        }
    }

    private static long current(String key) {
        return first.administration().flag(key).state().version();
    }

    @Test
    @Order(1)
    void aChangeReachesEveryInstanceAndEachAcknowledgesIt() {
        long version = current(RIDER_LICENCE_AUTOMATION);
        FlagState next = first.administration().change(RIDER_LICENCE_AUTOMATION, version, Flags.on("licence pilot"), "operator-kim");

        await().atMost(Duration.ofSeconds(20)).until(() -> first.versionOf(RIDER_LICENCE_AUTOMATION) == next.version()
                && second.versionOf(RIDER_LICENCE_AUTOMATION) == next.version());
        assertThat(second.client().getBooleanValue(RIDER_LICENCE_AUTOMATION, false)).isTrue();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(first.administration()
                .instances(RIDER_LICENCE_AUTOMATION)).filteredOn(ack -> ack.version() == next.version())
                .extracting(FlagAcknowledgement::instanceId).contains("instance-1", "instance-2"));
        assertThat(first.administration().instances(RIDER_LICENCE_AUTOMATION)).allSatisfy(ack -> {
            assertThat(ack.source()).isEqualTo("KAFKA");
            assertThat(ack.delayMillis()).isNotNull().isBetween(0L, 20_000L);
        });
        assertThat(first.administration().history(RIDER_LICENCE_AUTOMATION, 10)).first().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo("applied");
            assertThat(attempt.subject()).isEqualTo("operator-kim");
            assertThat(attempt.reason()).isEqualTo("licence pilot");
            assertThat(attempt.before().version()).isEqualTo(version);
            assertThat(attempt.after().enabled()).isTrue();
        });
    }

    @Test
    @Order(2)
    void aRolloutBucketsTheSameOnEveryInstance() {
        long version = current(MEMBER_REMOTE_CALLS);
        FlagState next = first.administration().change(MEMBER_REMOTE_CALLS, version, Flags.rollout(30), "operator-kim");
        await().atMost(Duration.ofSeconds(20)).until(() -> first.versionOf(MEMBER_REMOTE_CALLS) == next.version()
                && second.versionOf(MEMBER_REMOTE_CALLS) == next.version());

        List<Boolean> onFirst = new ArrayList<>();
        List<Boolean> onSecond = new ArrayList<>();
        for (int member = 1; member <= 2_000; member++) {
            MutableContext caller = new MutableContext("member-" + member);
            onFirst.add(first.client().getBooleanValue(MEMBER_REMOTE_CALLS, false, caller));
            onSecond.add(second.client().getBooleanValue(MEMBER_REMOTE_CALLS, false, caller));
        }
        assertThat(onSecond).isEqualTo(onFirst);
        assertThat(onFirst.stream().filter(on -> on).count()).isBetween(500L, 700L);
    }

    @Test
    @Order(3)
    void ofTwoConcurrentChangesAgainstTheSameVersionOneWinsTheOtherIsStaleAndBothAreAudited() throws Exception {
        long version = current(RIDER_LICENCE_AUTOMATION);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Object>> attempts = new ArrayList<>();
            for (FlagInstance instance : List.of(first, second)) {
                attempts.add(pool.submit(() -> {
                    go.await();
                    try {
                        return instance.administration().change(RIDER_LICENCE_AUTOMATION, version,
                                Flags.off("from " + instance.id), "operator-" + instance.id);
                    } catch (StaleFlagVersion stale) {
                        return stale;
                    }
                }));
            }
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> attempt : attempts) {
                outcomes.add(attempt.get());
            }
            assertThat(outcomes).filteredOn(FlagState.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(StaleFlagVersion.class::isInstance).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(current(RIDER_LICENCE_AUTOMATION)).isEqualTo(version + 1);
        assertThat(first.administration().history(RIDER_LICENCE_AUTOMATION, 2))
                .extracting(FlagAttempt::outcome).containsExactlyInAnyOrder("applied", "stale-version");
        assertThat(first.administration().history(RIDER_LICENCE_AUTOMATION, 2))
                .allSatisfy(attempt -> assertThat(attempt.expectedVersion()).isEqualTo(version));
    }

    @Test
    @Order(4)
    void refusedChangesAreAuditedAndChangeNothing() {
        long version = current(MEMBER_REMOTE_CALLS);
        assertThatThrownBy(() -> first.administration().change(MEMBER_REMOTE_CALLS, version,
                new FlagChange(true, 150, null, "too much"), "operator-kim")).isInstanceOf(InvalidFlagChange.class);
        assertThatThrownBy(() -> first.administration().change("order.nothing", 0, Flags.on("x"), "operator-kim"))
                .isInstanceOf(UnknownFlag.class);
        assertThat(current(MEMBER_REMOTE_CALLS)).isEqualTo(version);
        assertThat(first.administration().history(MEMBER_REMOTE_CALLS, 1)).singleElement()
                .satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo("invalid"));
    }

    @Test
    @Order(5)
    void whileKafkaIsDownInstancesKeepTheirStateAndTheChangeArrivesWhenItIsBack() {
        long version = current(RIDER_LICENCE_AUTOMATION);
        await().atMost(Duration.ofSeconds(20)).until(() -> second.versionOf(RIDER_LICENCE_AUTOMATION) == version);
        boolean before = second.client().getBooleanValue(RIDER_LICENCE_AUTOMATION, false);
        platform.stopKafka();
        FlagState next;
        try {
            next = first.administration().change(RIDER_LICENCE_AUTOMATION, version,
                    before ? Flags.off("while kafka is down") : Flags.on("while kafka is down"), "operator-kim");
            assertThat(second.client().getBooleanValue(RIDER_LICENCE_AUTOMATION, false)).as("last state kept").isEqualTo(before);
        } finally {
            platform.startKafka();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> first.versionOf(RIDER_LICENCE_AUTOMATION) == next.version()
                && second.versionOf(RIDER_LICENCE_AUTOMATION) == next.version());
        assertThat(second.client().getBooleanValue(RIDER_LICENCE_AUTOMATION, false)).isEqualTo(!before);
    }

    @Test
    @Order(6)
    void anInstanceWithoutTheFlagsDatabaseFollowsTheTopicButCannotChangeFlags() {
        long licences = current(RIDER_LICENCE_AUTOMATION);
        long remote = current(MEMBER_REMOTE_CALLS);
        java.util.Map<String, String> settings = FlagInstance.settings(platform, "reader-only", dataDir, Duration.ofHours(1));
        settings.keySet().removeIf(key -> key.startsWith("baedal.flags.datasource."));
        try (FlagInstance reader = FlagInstance.start(settings, "reader-only")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.versionOf(RIDER_LICENCE_AUTOMATION) == licences
                    && reader.versionOf(MEMBER_REMOTE_CALLS) == remote);
            assertThat(reader.context.getBeanProvider(FlagAdministration.class).getIfAvailable()).isNull();
            assertThat(reader.context.getBean(FlagRuntime.class).databaseProblem()).hasValueSatisfying(
                    problem -> assertThat(problem).contains("not configured"));
        }
    }
}
