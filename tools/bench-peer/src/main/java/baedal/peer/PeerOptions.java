package baedal.peer;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The command-line options of {@link PeerBenchmark}: {@code --name value} or {@code --name=value}, parsed by picocli
 * like the harness's. Pure: parsing does no I/O and reads no system property, so what a run did is exactly what its
 * arguments say.
 *
 * @param jdbcUrl          the PostgreSQL database the peer owns: it migrates it and empties its order tables and
 *                         event publications before each run
 * @param jdbcUser         its user
 * @param jdbcPassword     its password
 * @param kafka            the Kafka bootstrap servers
 * @param concurrency      closed-loop workers
 * @param poolSize         connections in the HikariCP pool
 * @param warmupSeconds    seconds of the same load before the measured window (not measured); the window
 *                         starts once the registry has completed the warm-up's publications
 * @param durationSeconds  seconds of the measured window
 * @param rate             orders per second of the open model, or {@code null} for the closed loop
 * @param maxInFlight      open model only: at most this many orders outstanding at once
 * @param completionWaitSeconds how long to wait, after the warm-up and after the window, for the registry to
 *                         complete every publication
 * @param out              the JSON result file, or {@code null} for none
 * @param seed             seed of the generated orders
 * @param help             {@code --help}: print {@link #usage()} and do nothing else
 */
public record PeerOptions(String jdbcUrl, String jdbcUser, String jdbcPassword, String kafka, int concurrency,
        int poolSize, int warmupSeconds, int durationSeconds, Double rate, int maxInFlight, int completionWaitSeconds,
        String out, long seed, boolean help) {

    public PeerOptions {
        if (!help) {
            validate(jdbcUrl, kafka, concurrency, poolSize, warmupSeconds, durationSeconds, rate, maxInFlight,
                    completionWaitSeconds);
        }
    }

    private static void validate(String jdbcUrl, String kafka, int concurrency, int poolSize, int warmupSeconds,
            int durationSeconds, Double rate, int maxInFlight, int completionWaitSeconds) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("--jdbc-url is required (see --help)");
        }
        if (kafka == null || kafka.isBlank()) {
            throw new IllegalArgumentException("--kafka is required (see --help)");
        }
        if (concurrency < 1 || poolSize < 1 || durationSeconds < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException(
                    "--concurrency, --pool-size, --duration and --max-in-flight must be >= 1");
        }
        if (warmupSeconds < 0 || completionWaitSeconds < 0) {
            throw new IllegalArgumentException("--warmup and --completion-wait must be >= 0");
        }
        if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException("--rate must be a positive number: " + rate);
        }
    }

    /** Whether the run is the open model (a fixed arrival rate) rather than the closed loop. */
    public boolean openModel() {
        return rate != null;
    }

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message fit for the user. */
    public static PeerOptions parse(String... args) {
        Arguments given = new Arguments();
        CommandLine line = new CommandLine(given);
        try {
            line.parseArgs(args);
        } catch (ParameterException refused) {
            throw new IllegalArgumentException(refused.getMessage() + " (see --help)", refused);
        }
        return new PeerOptions(given.jdbcUrl, given.jdbcUser, given.jdbcPassword, given.kafka, given.concurrency,
                given.poolSize, given.warmupSeconds, given.durationSeconds, given.rate, given.maxInFlight,
                given.completionWaitSeconds, given.out, given.seed, line.isUsageHelpRequested());
    }

    /** Every option with its default, as {@code --help} prints it. */
    public static String usage() {
        return new CommandLine(new Arguments()).setUsageHelpWidth(120).getUsageMessage();
    }

    /** The command line as picocli binds it; {@link #parse} turns it into the checked, immutable options. */
    @Command(name = "PeerBenchmark", sortOptions = false,
            customSynopsis = {"java -cp 'tools/bench-peer/target/bench-peer-<version>.jar:"
                    + "tools/bench-peer/target/lib/*' \\", "    baedal.peer.PeerBenchmark [options]"},
            description = {"", "The peer baseline: our order placement's statements with Spring Modulith's JDBC event "
                    + "publication registry and its Kafka externalization instead of our outbox and relay.", "",
                    "Options:"},
            footer = {"Exit code 0 when every order of the window committed without error, every publication "
                    + "completed and every event was found on Kafka; 1 otherwise."})
    static final class Arguments {

        @Option(names = "--jdbc-url", paramLabel = "<url>", description = "PostgreSQL database the peer owns "
                + "(required): it is migrated, and its order tables and event_publication are emptied before the run")
        String jdbcUrl;

        @Option(names = "--jdbc-user", paramLabel = "<user>", defaultValue = "postgres",
                description = "(default ${DEFAULT-VALUE})")
        String jdbcUser;

        // "--jdbc-password" alone is the empty password, as a script with an empty variable passes it
        @Option(names = "--jdbc-password", paramLabel = "<pw>", arity = "0..1", defaultValue = "", fallbackValue = "",
                description = "(default empty)")
        String jdbcPassword;

        @Option(names = "--kafka", paramLabel = "<bootstrap>", description = "Kafka bootstrap servers (required)")
        String kafka;

        @Option(names = "--concurrency", paramLabel = "<n>", defaultValue = "16",
                description = "closed-loop workers (default ${DEFAULT-VALUE})")
        int concurrency;

        @Option(names = "--pool-size", paramLabel = "<n>", defaultValue = "16",
                description = "HikariCP pool size (default ${DEFAULT-VALUE})")
        int poolSize;

        @Option(names = "--warmup", paramLabel = "<s>", defaultValue = "15",
                description = "warm-up seconds under the same load before the measured window; then the load pauses "
                        + "until the registry has completed the warm-up's publications (at most --completion-wait) "
                        + "(default ${DEFAULT-VALUE})")
        int warmupSeconds;

        @Option(names = "--duration", paramLabel = "<s>", defaultValue = "60",
                description = "measured seconds (default ${DEFAULT-VALUE})")
        int durationSeconds;

        @Option(names = "--rate", paramLabel = "<n>", description = "open model: orders per second at fixed arrival "
                + "times instead of the closed loop; latency counts from each order's intended time")
        Double rate;

        @Option(names = "--max-in-flight", paramLabel = "<n>", defaultValue = "1000",
                description = "open model: cap of outstanding orders (default ${DEFAULT-VALUE})")
        int maxInFlight;

        @Option(names = "--completion-wait", paramLabel = "<s>", defaultValue = "60",
                description = "longest wait for the registry to complete the warm-up's and then the window's "
                        + "publications (default ${DEFAULT-VALUE})")
        int completionWaitSeconds;

        @Option(names = "--out", paramLabel = "<file.json>", description = "where the JSON result goes (default: not "
                + "written)")
        String out;

        @Option(names = "--seed", paramLabel = "<n>", defaultValue = "20250601",
                description = "seed of the generated orders (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--help", usageHelp = true, description = "print this and exit")
        boolean help;
    }
}
