package baedal.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PeerOptionsTests {

    private static final String[] REQUIRED = {"--jdbc-url", "jdbc:postgresql://localhost:5432/baedal_peer", "--kafka",
            "localhost:9092"};

    @Test
    void defaultsApplyToWhatIsNotGiven() {
        PeerOptions options = PeerOptions.parse(REQUIRED);

        assertThat(options.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/baedal_peer");
        assertThat(options.kafka()).isEqualTo("localhost:9092");
        assertThat(options.jdbcUser()).isEqualTo("postgres");
        assertThat(options.jdbcPassword()).isEmpty();
        assertThat(options.concurrency()).isEqualTo(16);
        assertThat(options.poolSize()).isEqualTo(16);
        assertThat(options.warmupSeconds()).isEqualTo(15);
        assertThat(options.durationSeconds()).isEqualTo(60);
        assertThat(options.rate()).isNull();
        assertThat(options.openModel()).isFalse();
        assertThat(options.maxInFlight()).isEqualTo(1000);
        assertThat(options.completionWaitSeconds()).isEqualTo(60);
        assertThat(options.out()).isNull();
        assertThat(options.help()).isFalse();
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        PeerOptions options = PeerOptions.parse("--jdbc-url=jdbc:postgresql://db/peer", "--jdbc-user", "peer",
                "--jdbc-password=secret", "--kafka", "broker:9092", "--concurrency", "4", "--pool-size=8",
                "--warmup", "2", "--duration=3", "--rate", "250.5", "--max-in-flight", "64", "--completion-wait",
                "10", "--out", "target/peer.json", "--seed", "7");

        assertThat(options).isEqualTo(new PeerOptions("jdbc:postgresql://db/peer", "peer", "secret", "broker:9092",
                4, 8, 2, 3, 250.5, 64, 10, "target/peer.json", 7L, false));
        assertThat(options.openModel()).isTrue();
    }

    @Test
    void helpNeedsNothingElse() {
        PeerOptions options = PeerOptions.parse("--help");

        assertThat(options.help()).isTrue();
    }

    @Test
    void anEmptyPasswordMayBeGivenWithoutValue() {
        PeerOptions options = PeerOptions.parse("--jdbc-password", "--jdbc-url", "jdbc:postgresql://db/peer",
                "--kafka", "k:1");

        assertThat(options.jdbcPassword()).isEmpty();
        assertThat(options.jdbcUrl()).isEqualTo("jdbc:postgresql://db/peer");
    }

    @Test
    void anEmptyPasswordMayBeGivenAsAnEmptyValue() {
        PeerOptions options = PeerOptions.parse("--jdbc-url", "jdbc:postgresql://db/peer", "--jdbc-password", "",
                "--kafka", "k:1");

        assertThat(options.jdbcPassword()).isEmpty();
        assertThat(options.kafka()).isEqualTo("k:1");
    }

    @Test
    void rejectsMissingRequiredOptions() {
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse("--kafka", "k:1"))
                .withMessageContaining("--jdbc-url");
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse("--jdbc-url", "jdbc:x"))
                .withMessageContaining("--kafka");
    }

    @Test
    void rejectsUnknownRepeatedAndValuelessOptions() {
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse(with("--shards", "4")))
                .withMessageContaining("Unknown option").withMessageContaining("'--shards'");
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse(with("--kafka", "other:1")))
                .withMessageContaining("'--kafka'").withMessageContaining("should be specified only once");
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse(with("--duration")))
                .withMessageContaining("Missing required parameter for option '--duration'");
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse(with("stray")))
                .withMessageContaining("Unmatched argument").withMessageContaining("'stray'");
    }

    @Test
    void rejectsValuesOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse(with("--concurrency", "0")));
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse(with("--pool-size", "0")));
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse(with("--duration", "0")));
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse(with("--warmup", "-1")));
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse(with("--rate", "0")));
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse(with("--rate", "NaN")));
        assertThatIllegalArgumentException().isThrownBy(() -> PeerOptions.parse(with("--concurrency", "many")))
                .withMessageContaining("Invalid value for option '--concurrency'")
                .withMessageContaining("'many' is not an int");
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        String usage = PeerOptions.usage();

        for (String option : new String[] {"--jdbc-url", "--jdbc-user", "--jdbc-password", "--kafka", "--concurrency",
                "--pool-size", "--warmup", "--duration", "--rate", "--max-in-flight", "--completion-wait", "--out",
                "--seed", "--help"}) {
            assertThat(usage).contains(option);
        }
        assertThat(usage).contains("tools/bench-peer/target/bench-peer-<version>.jar", "(default postgres)",
                "(default 16)", "(default 20250601)", "Exit code 0");
    }

    @Test
    void aZeroWarmupIsAllowed() {
        assertThat(PeerOptions.parse(with("--warmup", "0")).warmupSeconds()).isZero();
    }

    private static String[] with(String... more) {
        String[] args = new String[REQUIRED.length + more.length];
        System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
        System.arraycopy(more, 0, args, REQUIRED.length, more.length);
        return args;
    }
}
