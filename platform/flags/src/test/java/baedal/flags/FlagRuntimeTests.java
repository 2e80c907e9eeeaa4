package baedal.flags;

import static baedal.flags.Flags.LICENCES;
import static baedal.flags.Flags.REMOTE_CALLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagRuntimeTests {

    @TempDir
    Path dataDir;

    private final InMemoryFlagDatabase database = new InMemoryFlagDatabase();

    private FlagRuntime runtime(LiveFlags live, Duration reconcile) {
        return new FlagRuntime("instance-a", live, database, new FlagSnapshot(dataDir), reconcile, Clock.systemUTC());
    }

    @Test
    void startsFromTheDatabaseAndAcknowledgesWhatItLoaded() {
        database.with(Flags.after(LICENCES, Flags.on("go")));
        LiveFlags live = new LiveFlags(Flags.catalogue(), Clock.systemUTC());
        try (FlagRuntime runtime = runtime(live, Duration.ofHours(1))) {
            runtime.start();
            assertThat(runtime.loadedFrom()).isEqualTo(LiveFlags.Source.DATABASE);
            assertThat(live.state(LICENCES.key()).enabled()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> !database.acknowledgements().isEmpty());
            assertThat(database.acknowledgements()).singleElement().satisfies(ack -> {
                assertThat(ack.instanceId()).isEqualTo("instance-a");
                assertThat(ack.version()).isEqualTo(1);
                assertThat(ack.source()).isEqualTo("DATABASE");
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(dataDir.resolve("snapshot.json")));
        }
    }

    @Test
    void usesTheSnapshotWhenTheDatabaseIsUnreachableAtStart() {
        new FlagSnapshot(dataDir).write(List.of(Flags.after(REMOTE_CALLS, Flags.rollout(30)),
                FlagState.initial(LICENCES)), Flags.T0);
        database.unreachable();
        LiveFlags live = new LiveFlags(Flags.catalogue(), Clock.systemUTC());
        try (FlagRuntime runtime = runtime(live, Duration.ofHours(1))) {
            runtime.start();
            assertThat(runtime.loadedFrom()).isEqualTo(LiveFlags.Source.SNAPSHOT);
            assertThat(live.state(REMOTE_CALLS.key()).rolloutPercent()).isEqualTo(30);
            assertThat(runtime.databaseProblem()).hasValue("connection refused");
        }
    }

    @Test
    void usesTheCodeDefaultsWithNeitherDatabaseNorSnapshot() {
        database.unreachable();
        LiveFlags live = new LiveFlags(Flags.catalogue(), Clock.systemUTC());
        try (FlagRuntime runtime = runtime(live, Duration.ofHours(1))) {
            runtime.start();
            assertThat(runtime.loadedFrom()).isEqualTo(LiveFlags.Source.DEFAULT);
            assertThat(live.all()).allSatisfy(state -> assertThat(state.version()).isZero());
        }
    }

    @Test
    void reconciliationRepairsAMissedChangeAndSendsTheAcknowledgementsKeptWhileTheDatabaseWasDown() {
        database.unreachable();
        LiveFlags live = new LiveFlags(Flags.catalogue(), Clock.systemUTC());
        try (FlagRuntime runtime = runtime(live, Duration.ofMillis(100))) {
            runtime.start();
            live.apply(Flags.after(REMOTE_CALLS, Flags.on("via kafka")), LiveFlags.Source.KAFKA);
            await().atMost(Duration.ofSeconds(5)).until(() -> runtime.unsentAcknowledgements() == 1);

            database.with(Flags.after(LICENCES, Flags.on("missed"))).reachable();

            await().atMost(Duration.ofSeconds(5)).until(() -> live.state(LICENCES.key()).version() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> database.acknowledgements().size() == 2);
            assertThat(database.acknowledgements()).extracting(FlagAcknowledgement::source)
                    .containsExactlyInAnyOrder("KAFKA", "RECONCILIATION");
            assertThat(runtime.databaseProblem()).isEmpty();
        }
    }
}
