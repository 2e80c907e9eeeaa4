package baedal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import baedal.bench.runner.BenchmarkRunner;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/** The benchmarks' command lines: every option's name and default, both spellings, and what is refused. */
class OptionsTests {

    @AfterEach
    void clearSystemProperties() {
        System.clearProperty("bench.duration");
        System.clearProperty("bench.jdbc-url");
    }

    @Test
    void readsOptionsWithAndWithoutEqualsSigns() {
        PlacementBenchmark placement = BenchmarkRunner.parse(new PlacementBenchmark(), "--duration", "20",
                "--rate=250");

        assertThat(placement.run.durationSeconds).isEqualTo(20);
        assertThat(placement.run.rate).isEqualTo(250.0);
        assertThat(placement.run.warmupSeconds).isEqualTo(15);
    }

    @Test
    void rejectsAnUnknownOptionInsteadOfRunningWithDefaults() {
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PlacementBenchmark(), "--durration", "20"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--durration");
    }

    @Test
    void thePlacementBenchmarksDefaultsAreTheOldOnes() {
        PlacementBenchmark placement = BenchmarkRunner.parse(new PlacementBenchmark());

        assertThat(placement.run.durationSeconds).isEqualTo(60);
        assertThat(placement.run.warmupSeconds).isEqualTo(15);
        assertThat(placement.run.rate).isEqualTo(500.0);
        assertThat(placement.run.maxInFlight).isEqualTo(1000);
        assertThat(placement.run.shards).isZero();
        assertThat(placement.run.mixSize).isEqualTo(2000);
        assertThat(placement.run.seed).isEqualTo(20250601L);
        assertThat(placement.run.out).isEqualTo("docs/benchmarks");
        assertThat(placement.closedLoop.concurrency).isNull();
        assertThat(placement.closedLoop.concurrency(16)).isEqualTo(16);
        assertThat(placement.closedLoop.warmupMaxSeconds).isEqualTo(180);
        assertThat(placement.target).isNull();
        assertThat(placement.jdbcUrls).isEmpty();
        assertThat(placement.jdbcUser).isEqualTo("postgres");
        assertThat(placement.jdbcPassword).isEmpty();
        assertThat(placement.poolSize).isNull();
        assertThat(placement.out()).hasToString("docs/benchmarks");
        assertThat(placement.name()).isEqualTo("placement");
    }

    @Test
    void readsEveryPlacementOption() {
        PlacementBenchmark placement = BenchmarkRunner.parse(new PlacementBenchmark(), "--warmup", "5",
                "--warmup-max", "40", "--concurrency", "8", "--max-in-flight=64", "--shards", "3", "--mix", "50",
                "--seed", "7", "--out", "target/bench", "--target", "http://localhost:8080", "--jdbc-url",
                "jdbc:postgresql://a/s0, jdbc:postgresql://b/s1", "--jdbc-user", "bench", "--jdbc-password", "secret",
                "--pool-size", "4");

        assertThat(placement.run.warmupSeconds).isEqualTo(5);
        assertThat(placement.closedLoop.warmupMaxSeconds).isEqualTo(40);
        assertThat(placement.closedLoop.concurrency(16)).isEqualTo(8);
        assertThat(placement.run.maxInFlight).isEqualTo(64);
        assertThat(placement.run.shards).isEqualTo(3);
        assertThat(placement.run.mixSize).isEqualTo(50);
        assertThat(placement.run.seed).isEqualTo(7L);
        assertThat(placement.run.out).isEqualTo("target/bench");
        assertThat(placement.target).isEqualTo("http://localhost:8080");
        assertThat(placement.jdbcUrls).containsExactly("jdbc:postgresql://a/s0", " jdbc:postgresql://b/s1");
        assertThat(placement.jdbcUser).isEqualTo("bench");
        assertThat(placement.jdbcPassword).isEqualTo("secret");
        assertThat(placement.poolSize).isEqualTo(4);
    }

    @Test
    void aSystemPropertyStandsInForAnOptionAndAnArgumentWinsOverIt() {
        System.setProperty("bench.duration", "25");
        System.setProperty("bench.jdbc-url", "jdbc:postgresql://a/s0,jdbc:postgresql://b/s1");

        PlacementBenchmark fromProperty = BenchmarkRunner.parse(new PlacementBenchmark());
        assertThat(fromProperty.run.durationSeconds).isEqualTo(25);
        assertThat(fromProperty.jdbcUrls).containsExactly("jdbc:postgresql://a/s0", "jdbc:postgresql://b/s1");
        assertThat(BenchmarkRunner.parse(new PlacementBenchmark(), "--duration", "30").run.durationSeconds)
                .isEqualTo(30);
        assertThat(BenchmarkRunner.parse(new OrderViewBenchmark()).run.durationSeconds).isEqualTo(25);
    }

    @Test
    void theOutboxBenchmarksOwnOptionsAndDefaults() {
        OutboxBenchmark defaults = BenchmarkRunner.parse(new OutboxBenchmark());
        assertThat(defaults.phaseSeconds).isEqualTo(30);
        assertThat(defaults.phases).isEqualTo(2);
        assertThat(defaults.backlog).isEqualTo(1_000_000L);
        assertThat(defaults.breakdown).isFalse();
        assertThat(defaults.name()).isEqualTo("outbox");

        OutboxBenchmark given = BenchmarkRunner.parse(new OutboxBenchmark(), "--phase", "10", "--phases=3",
                "--backlog", "5000", "--breakdown");
        assertThat(given.phaseSeconds).isEqualTo(10);
        assertThat(given.phases).isEqualTo(3);
        assertThat(given.backlog).isEqualTo(5000L);
        assertThat(given.breakdown).isTrue();
        assertThat(BenchmarkRunner.parse(new OutboxBenchmark(), "--breakdown", "false").breakdown).isFalse();
    }

    @Test
    void theReadModelBenchmarksOwnOptionsDefaultsAndSectionPerRate() {
        OrderViewBenchmark defaults = BenchmarkRunner.parse(new OrderViewBenchmark());
        assertThat(defaults.documents).isEqualTo(1_000_000L);
        assertThat(defaults.pageRate).isEqualTo(200.0);
        assertThat(defaults.name()).isEqualTo("order-view");

        OrderViewBenchmark given = BenchmarkRunner.parse(new OrderViewBenchmark(), "--documents", "5000",
                "--page-rate", "50", "--rate", "250");
        assertThat(given.documents).isEqualTo(5000L);
        assertThat(given.pageRate).isEqualTo(50.0);
        assertThat(given.name()).isEqualTo("order-view-250");
    }

    @Test
    void refusesValuesThatCannotRun() {
        for (List<String> args : List.of(List.of("--duration", "0"), List.of("--warmup", "-1"), List.of("--rate", "0"),
                List.of("--phase", "0"), List.of("--phases", "0"), List.of("--backlog", "0"))) {
            assertThatThrownBy(() -> BenchmarkRunner.parse(new OutboxBenchmark(), args.toArray(String[]::new)))
                    .as(args.toString()).isInstanceOf(ParameterException.class)
                    .hasMessageContaining(args.getFirst());
        }
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PlacementBenchmark(), "--rate", "fast"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--rate").hasMessageContaining("fast");
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PlacementBenchmark(), "--duration"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--duration");
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PlacementBenchmark(), "stray"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("stray");
    }

    @Test
    void aBenchmarkRefusesTheOptionsOfAnother() {
        assertThatThrownBy(() -> BenchmarkRunner.parse(new OutboxBenchmark(), "--target", "http://localhost:8080"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--target");
        assertThatThrownBy(() -> BenchmarkRunner.parse(new OrderViewBenchmark(), "--phases", "2"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--phases");
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PlacementBenchmark(), "--documents", "10"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--documents");
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        String placement = BenchmarkRunner.usage(new PlacementBenchmark());
        for (String option : List.of("--duration", "--warmup", "--warmup-max", "--rate", "--concurrency", "--out",
                "--target", "--jdbc-url", "--jdbc-user", "--jdbc-password", "--pool-size", "--shards", "--mix",
                "--seed", "--max-in-flight", "--help")) {
            assertThat(placement).contains(option);
        }
        assertThat(placement).contains("(default 60)", "(default 500)", "(default docs/benchmarks)",
                "(default 20250601)", "-Dbench.<name>");
        assertThat(BenchmarkRunner.usage(new OutboxBenchmark())).contains("--phase", "--phases", "--backlog",
                "--breakdown", "(default 1000000)").doesNotContain("--target=");
        assertThat(BenchmarkRunner.usage(new OrderViewBenchmark())).contains("--documents", "--page-rate",
                "(default 200)").doesNotContain("--concurrency=");
        String peak = BenchmarkRunner.usage(new PeakBenchmark());
        for (String option : List.of("--scenario", "--rate", "--duration", "--from-hour", "--to-hour", "--step",
                "--step-seconds", "--p99-ms", "--faults", "--fault-seconds", "--instances", "--separate-projector",
                "--shards", "--target", "--jdbc-url", "--order-view-url", "--kafka", "--out", "--no-docs",
                "--baselines", "--peer-classpath", "--seed", "--mix", "--lifecycle-scale", "--app-heap-mb",
                "--help")) {
            assertThat(peak).contains(option);
        }
    }

    @Test
    void thePeakScenariosDefaults() {
        PeakBenchmark lunch = BenchmarkRunner.parse(new PeakBenchmark());
        assertThat(lunch.scenario).isEqualTo("lunch");
        assertThat(lunch.rate()).isEqualTo(150.0);
        assertThat(lunch.durationSeconds()).isEqualTo(300.0);
        assertThat(lunch.shards()).isEqualTo(4);
        assertThat(lunch.faults()).isEqualTo("none");
        assertThat(lunch.writesDocs()).isTrue();
        assertThat(lunch.baselines()).isTrue();
        assertThat(lunch.fromHour).isEqualTo(10.0);
        assertThat(lunch.toHour).isEqualTo(21.0);
        assertThat(lunch.step).isEqualTo(50.0);
        assertThat(lunch.stepSeconds).isEqualTo(30.0);
        assertThat(lunch.p99Ms).isEqualTo(100.0);
        assertThat(lunch.faultSeconds).isEqualTo(60.0);
        assertThat(lunch.instances).isEqualTo(1);
        assertThat(lunch.separateProjector).isFalse();
        assertThat(lunch.seed).isEqualTo(20251202L);
        assertThat(lunch.mix).isEqualTo(2000);
        assertThat(lunch.lifecycleScale).isEqualTo(1.0);
        assertThat(lunch.appHeapMb).isEqualTo(768);
        assertThat(lunch.out).isEqualTo("docs/benchmarks");
        assertThat(lunch.name()).isEqualTo("peak-lunch");

        PeakBenchmark max = BenchmarkRunner.parse(new PeakBenchmark(), "--scenario", "max");
        assertThat(max.rate()).isEqualTo(50.0);
        assertThat(max.durationSeconds()).isEqualTo(120.0);

        PeakBenchmark faults = BenchmarkRunner.parse(new PeakBenchmark(), "--scenario=faults");
        assertThat(faults.rate()).isEqualTo(50.0);
        assertThat(faults.baselines()).isFalse();

        PeakBenchmark ci = BenchmarkRunner.parse(new PeakBenchmark(), "--scenario", "short");
        assertThat(ci.rate()).isEqualTo(20.0);
        assertThat(ci.durationSeconds()).isEqualTo(45.0);
        assertThat(ci.shards()).isEqualTo(2);
        assertThat(ci.faults()).isEqualTo(PeakBenchmark.SHORT_FAULTS);
        assertThat(ci.writesDocs()).isFalse();
        assertThat(BenchmarkRunner.parse(new PeakBenchmark(), "--scenario", "short", "--no-docs", "false")
                .writesDocs()).isTrue();
    }

    @Test
    void readsThePeakOptionsGiven() {
        PeakBenchmark fixed = BenchmarkRunner.parse(new PeakBenchmark(), "--scenario", "fixed", "--rate", "100",
                "--duration=60", "--faults", "kafka@20+60,shard0@100+60", "--instances", "2", "--separate-projector",
                "--shards", "3", "--no-docs", "--baselines", "false", "--peer-classpath", "peer.jar", "--mix", "10",
                "--seed", "3", "--lifecycle-scale", "0.5", "--app-heap-mb", "512", "--fault-seconds", "30");
        assertThat(fixed.rate()).isEqualTo(100.0);
        assertThat(fixed.durationSeconds()).isEqualTo(60.0);
        assertThat(fixed.faults()).isEqualTo("kafka@20+60,shard0@100+60");
        assertThat(fixed.instances).isEqualTo(2);
        assertThat(fixed.separateProjector).isTrue();
        assertThat(fixed.shards()).isEqualTo(3);
        assertThat(fixed.writesDocs()).isFalse();
        assertThat(fixed.baselines()).isFalse();
        assertThat(fixed.peerClasspath).isEqualTo("peer.jar");
        assertThat(fixed.mix).isEqualTo(10);
        assertThat(fixed.seed).isEqualTo(3L);
        assertThat(fixed.lifecycleScale).isEqualTo(0.5);
        assertThat(fixed.appHeapMb).isEqualTo(512);
        assertThat(fixed.faultSeconds).isEqualTo(30.0);

        PeakBenchmark target = BenchmarkRunner.parse(new PeakBenchmark(), "--target", "http://a:8080,http://b:8080",
                "--jdbc-url", "jdbc:postgresql://a/s0,jdbc:postgresql://a/s1", "--order-view-url",
                "jdbc:postgresql://a/v", "--kafka", "a:9092");
        assertThat(target.targets).containsExactly("http://a:8080", "http://b:8080");
        assertThat(target.jdbcUrls).containsExactly("jdbc:postgresql://a/s0", "jdbc:postgresql://a/s1");
        assertThat(target.orderViewUrl).isEqualTo("jdbc:postgresql://a/v");
        assertThat(target.kafka).isEqualTo("a:9092");
        assertThat(target.baselines()).isFalse();
    }

    @Test
    void refusesPeakSettingsThatCannotRun() {
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PeakBenchmark(), "--rate", "0"))
                .hasMessageContaining("--rate");
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PeakBenchmark(), "--instances", "0"))
                .hasMessageContaining("--instances");
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PeakBenchmark(), "--faults", "disk@1+2"))
                .hasMessageContaining("unknown fault kind disk");
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PeakBenchmark(), "--faults", "shard3@1+2", "--shards", "2"))
                .hasMessageContaining("only 2 shards");
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PeakBenchmark(), "--step", "many"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--step");
    }

    @Test
    void aTargetIsTrustedThroughTheHarnesssIssuerOnAFixedPortOrTheTargetsPasswordGrant() {
        PeakBenchmark issuer = BenchmarkRunner.parse(new PeakBenchmark(), "--target", "http://a:8080",
                "--issuer-port", "18181");
        assertThat(issuer.identity.issuerPort).isEqualTo(18181);
        PlacementBenchmark demo = BenchmarkRunner.parse(new PlacementBenchmark(), "--target", "http://a:8080",
                "--token-url", "http://a:8080/oauth2/token");
        assertThat(demo.identity.tokenUrl).hasToString("http://a:8080/oauth2/token");
        assertThat(demo.identity.tokenPassword).isEqualTo("demo");
        assertThat(BenchmarkRunner.usage(new PeakBenchmark())).contains("--issuer-port", "--token-url",
                "--token-password");

        assertThatThrownBy(() -> BenchmarkRunner.parse(new PeakBenchmark(), "--target", "http://a:8080",
                "--issuer-port", "18181", "--token-url", "http://a:8080/oauth2/token"))
                .hasMessageContaining("trusts one issuer");
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PeakBenchmark(), "--issuer-port", "18181"))
                .hasMessageContaining("for --target");
        assertThatThrownBy(() -> BenchmarkRunner.parse(new PlacementBenchmark(), "--token-url", "http://a/oauth2/token"))
                .hasMessageContaining("for --target");
    }
}
