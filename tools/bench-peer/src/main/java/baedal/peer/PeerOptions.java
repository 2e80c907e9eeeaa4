package baedal.peer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command-line options of {@link PeerBenchmark}: {@code --name value} or {@code --name=value}. Pure: parsing
 * does no I/O and reads no system property, so what a run did is exactly what its arguments say.
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
 * @param help             {@code --help}: print {@link #USAGE} and do nothing else
 */
public record PeerOptions(String jdbcUrl, String jdbcUser, String jdbcPassword, String kafka, int concurrency,
        int poolSize, int warmupSeconds, int durationSeconds, Double rate, int maxInFlight, int completionWaitSeconds,
        String out, long seed, boolean help) {

    static final Set<String> KNOWN = Set.of("jdbc-url", "jdbc-user", "jdbc-password", "kafka", "concurrency",
            "pool-size", "warmup", "duration", "rate", "max-in-flight", "completion-wait", "out", "seed", "help");

    public static final String USAGE = """
            Usage: java -cp 'bench-peer/target/bench-peer-<version>.jar:bench-peer/target/lib/*' \\
                       baedal.peer.PeerBenchmark [options]

            The peer baseline: our order placement's statements with Spring Modulith's JDBC event publication
            registry and its Kafka externalization instead of our outbox and relay.

            Options:
              --jdbc-url <url>          PostgreSQL database the peer owns (required): it is migrated, and its order
                                        tables and event_publication are emptied before the run
              --jdbc-user <user>        (default postgres)
              --jdbc-password <pw>      (default empty)
              --kafka <bootstrap>       Kafka bootstrap servers (required)
              --concurrency <n>         closed-loop workers (default 16)
              --pool-size <n>           HikariCP pool size (default 16)
              --warmup <s>              warm-up seconds under the same load before the measured window; then the
                                        load pauses until the registry has completed the warm-up's publications
                                        (at most --completion-wait) (default 15)
              --duration <s>            measured seconds (default 60)
              --rate <n>                open model: orders per second at fixed arrival times instead of the
                                        closed loop; latency counts from each order's intended time
              --max-in-flight <n>       open model: cap of outstanding orders (default 1000)
              --completion-wait <s>     longest wait for the registry to complete the warm-up's and then the
                                        window's publications (default 60)
              --out <file.json>         where the JSON result goes (default: not written)
              --seed <n>                seed of the generated orders (default 20250601)
              --help                    print this and exit
            Exit code 0 when every order of the window committed without error, every publication completed
            and every event was found on Kafka; 1 otherwise.
            """;

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
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument: " + arg + " (see --help)");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (name.equals("help")) {
                value = "true";
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else if (name.equals("jdbc-password") && (i + 1 == args.length || args[i + 1].startsWith("--"))) {
                value = "";
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value (see --help)");
            }
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
            }
            if (given.put(name, value) != null) {
                throw new IllegalArgumentException("--" + name + " given twice");
            }
        }
        boolean help = Boolean.parseBoolean(given.getOrDefault("help", "false"));
        String rate = given.get("rate");
        return new PeerOptions(
                given.get("jdbc-url"),
                given.getOrDefault("jdbc-user", "postgres"),
                given.getOrDefault("jdbc-password", ""),
                given.get("kafka"),
                integer(given, "concurrency", 16),
                integer(given, "pool-size", 16),
                integer(given, "warmup", 15),
                integer(given, "duration", 60),
                rate == null ? null : number("rate", rate),
                integer(given, "max-in-flight", 1000),
                integer(given, "completion-wait", 60),
                given.get("out"),
                longValue(given, "seed", 20250601L),
                help);
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--" + name + " must be an integer: " + value);
        }
    }

    private static long longValue(Map<String, String> given, String name, long fallback) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--" + name + " must be an integer: " + value);
        }
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--" + name + " must be a number: " + value);
        }
    }
}
