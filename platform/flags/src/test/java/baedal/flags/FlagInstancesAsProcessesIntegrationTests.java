package baedal.flags;

import static baedal.flags.PlatformFlags.MEMBER_REMOTE_CALLS;
import static baedal.flags.PlatformFlags.RIDER_LICENCE_AUTOMATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import baedal.embedded.EmbeddedPlatform;
import baedal.embedded.EmbeddedSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * App instances as separate processes (two JVMs besides the one that makes the changes) on real PostgreSQL and Kafka.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlagInstancesAsProcessesIntegrationTests {

    @TempDir
    static Path dataDir;

    static EmbeddedPlatform platform;
    static FlagInstance operator;
    static List<FlagProcess> processes;

    @BeforeAll
    static void start() {
        platform = EmbeddedPlatform.start(EmbeddedSettings.defaults().withDataDir(dataDir.resolve("platform")).withFreePorts());
        FlagInstance.createDatabases(platform);
        operator = FlagInstance.start(platform, "operator-side", dataDir, Duration.ofHours(1));
        processes = List.of(FlagProcess.start(platform, "process-1", dataDir, Duration.ofSeconds(1)),
                FlagProcess.start(platform, "process-2", dataDir, Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stop() {
        if (processes != null) {
            processes.forEach(FlagProcess::close);
        }
        if (operator != null) {
            operator.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private static long current(String key) {
        return operator.administration().flag(key).state().version();
    }

    @Test
    @Order(1)
    void aChangeReachesEveryProcessAndEachAcknowledgesItsVersion() {
        FlagState next = operator.administration().change(RIDER_LICENCE_AUTOMATION, current(RIDER_LICENCE_AUTOMATION),
                Flags.on("pilot"), "operator-kim");
        for (FlagProcess process : processes) {
            await().atMost(Duration.ofSeconds(30)).until(() -> process.versionOf(RIDER_LICENCE_AUTOMATION) == next.version());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(operator.administration()
                .instances(RIDER_LICENCE_AUTOMATION)).filteredOn(ack -> ack.version() == next.version())
                .extracting(FlagAcknowledgement::instanceId).contains("process-1", "process-2", "operator-side"));
    }

    @Test
    @Order(2)
    void everyProcessBucketsARolloutTheSame() {
        FlagState next = operator.administration().change(MEMBER_REMOTE_CALLS, current(MEMBER_REMOTE_CALLS),
                Flags.rollout(25), "operator-kim");
        for (FlagProcess process : processes) {
            await().atMost(Duration.ofSeconds(30)).until(() -> process.versionOf(MEMBER_REMOTE_CALLS) == next.version());
        }
        String first = processes.get(0).answersTo(MEMBER_REMOTE_CALLS, 2_000);
        assertThat(processes.get(1).answersTo(MEMBER_REMOTE_CALLS, 2_000)).isEqualTo(first);
        long on = first.chars().filter(c -> c == '1').count();
        assertThat(on).isBetween(400L, 600L);
        StringBuilder here = new StringBuilder();
        for (int member = 1; member <= 2_000; member++) {
            here.append(operator.client().getBooleanValue(MEMBER_REMOTE_CALLS, false,
                    new dev.openfeature.sdk.MutableContext("member-" + member)) ? '1' : '0');
        }
        assertThat(here.toString()).isEqualTo(first);
    }

    @Test
    @Order(3)
    void withKafkaDownAChangeStillArrivesThroughTheReconciliation() {
        platform.stopKafka();
        try {
            FlagState next = operator.administration().change(RIDER_LICENCE_AUTOMATION, current(RIDER_LICENCE_AUTOMATION),
                    Flags.off("kill while kafka is down"), "operator-kim");
            for (FlagProcess process : processes) {
                await().atMost(Duration.ofSeconds(30)).until(() -> process.versionOf(RIDER_LICENCE_AUTOMATION) == next.version());
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(operator.administration()
                    .instances(RIDER_LICENCE_AUTOMATION)).filteredOn(ack -> ack.instanceId().startsWith("process-"))
                    .allSatisfy(ack -> {
                        assertThat(ack.version()).isEqualTo(next.version());
                        assertThat(ack.source()).isEqualTo("RECONCILIATION");
                    }).hasSize(2));
        } finally {
            platform.startKafka();
        }
    }

    @Test
    @Order(4)
    void aProcessStartingWhileTheFlagsDatabaseAndKafkaAreDownAnswersFromItsSnapshot() throws Exception {
        long licences = current(RIDER_LICENCE_AUTOMATION);
        long remote = current(MEMBER_REMOTE_CALLS);
        Path snapshot = dataDir.resolve("process-1").resolve("snapshot.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> java.nio.file.Files.isRegularFile(snapshot)
                && java.nio.file.Files.readString(snapshot).contains("\"version\" : " + licences));
        java.nio.file.Files.createDirectories(dataDir.resolve("process-3"));
        java.nio.file.Files.copy(snapshot, dataDir.resolve("process-3").resolve("snapshot.json"));
        int deadPostgres = freePort();
        int deadKafka = freePort();
        try (FlagProcess cut = FlagProcess.start(platform, "process-3", dataDir, Duration.ofSeconds(1), java.util.Map.of(
                "baedal.flags.datasource.url", "jdbc:postgresql://127.0.0.1:" + deadPostgres + "/baedal_flags",
                "spring.kafka.bootstrap-servers", "127.0.0.1:" + deadKafka,
                "spring.kafka.admin.auto-create", "false"))) {
            assertThat(cut.loadedFrom()).isEqualTo("SNAPSHOT");
            assertThat(cut.versionOf(RIDER_LICENCE_AUTOMATION)).isEqualTo(licences);
            assertThat(cut.versionOf(MEMBER_REMOTE_CALLS)).isEqualTo(remote);
            assertThat(cut.answersTo(MEMBER_REMOTE_CALLS, 2_000)).isEqualTo(processes.get(0).answersTo(MEMBER_REMOTE_CALLS, 2_000));
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
