package baedal.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options: {@code --name value} or {@code --name=value}; each may also be given as the system
 * property {@code bench.name}. Arguments win over system properties, which win over the defaults.
 */
record Options(int durationSeconds, int warmupSeconds, double rate, Integer concurrency, String out, String target,
        List<String> jdbcUrls, String jdbcUser, String jdbcPassword, Integer poolSize, int mixSize, long seed,
        int maxInFlight, int shards, int warmupMaxSeconds, int phaseSeconds, int phases, long backlog, long documents,
        double pageRate, boolean breakdown) {

    static final java.util.Set<String> KNOWN = java.util.Set.of("duration", "warmup", "warmup-max", "rate",
            "concurrency", "out", "target", "jdbc-url", "jdbc-user", "jdbc-password", "pool-size", "mix", "seed",
            "max-in-flight", "shards", "help", "phase", "phases", "backlog", "documents", "page-rate",
            "breakdown");

    static Options parse(String[] args) {
        Lookup lookup = new Lookup(arguments(args, KNOWN));
        String jdbc = lookup.get("jdbc-url", null);
        String concurrency = lookup.get("concurrency", null);
        String pool = lookup.get("pool-size", null);
        Options options = new Options(
                Integer.parseInt(lookup.get("duration", "60")),
                Integer.parseInt(lookup.get("warmup", "15")),
                Double.parseDouble(lookup.get("rate", "500")),
                concurrency == null ? null : Integer.valueOf(concurrency),
                lookup.get("out", "docs/benchmarks"),
                lookup.get("target", null),
                jdbc == null ? List.of() : List.of(jdbc.split(",")),
                lookup.get("jdbc-user", "postgres"),
                lookup.get("jdbc-password", ""),
                pool == null ? null : Integer.valueOf(pool),
                Integer.parseInt(lookup.get("mix", "2000")),
                Long.parseLong(lookup.get("seed", "20250601")),
                Integer.parseInt(lookup.get("max-in-flight", "1000")),
                Integer.parseInt(lookup.get("shards", "0")),
                Integer.parseInt(lookup.get("warmup-max", "180")),
                Integer.parseInt(lookup.get("phase", "30")),
                Integer.parseInt(lookup.get("phases", "2")),
                Long.parseLong(lookup.get("backlog", "1000000")),
                Long.parseLong(lookup.get("documents", "1000000")),
                Double.parseDouble(lookup.get("page-rate", "200")),
                Boolean.parseBoolean(lookup.get("breakdown", "false")));
        if (options.durationSeconds() < 1 || options.warmupSeconds() < 0 || options.rate() <= 0
                || options.phaseSeconds() < 1 || options.phases() < 1 || options.backlog() < 1) {
            throw new IllegalArgumentException(
                    "--duration, --phase, --phases and --backlog must be >= 1, --warmup >= 0, --rate > 0");
        }
        return options;
    }

    /**
     * {@code --name value}, {@code --name=value} and a bare {@code --flag} ({@code true}) as a map; each name must be
     * in {@code known}.
     */
    static Map<String, String> arguments(String[] args, java.util.Set<String> known) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            given.put(name, value);
        }
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
            }
        }
        return given;
    }

    private record Lookup(Map<String, String> given) {
        String get(String name, String fallback) {
            String value = given.get(name);
            if (value == null) {
                value = System.getProperty("bench." + name);
            }
            return value == null ? fallback : value;
        }
    }

    static final String USAGE = """
            Options (or -Dbench.<name>=<value>):
              --duration <s>      measured seconds per run (default 60)
              --warmup <s>        minimum warm-up seconds before each closed-loop run (default 15); the warm-up
                                  goes on until throughput is steady (three 10 s windows within 5 %)
              --warmup-max <s>    longest warm-up (default 180)
              --rate <n>          fixed arrival rate, orders/s (default 500)
              --concurrency <n>   closed-loop workers (default = shard pool size)
              --out <dir>         where placement.json and the chart go (default docs/benchmarks);
                                  the summary is written to <dir>/../benchmarks.md
              --target <url>      drive an already running platform instead of starting one
              --jdbc-url <u,...>  with --target: the shard JDBC URLs in shard order (else the baseline is skipped)
              --jdbc-user, --jdbc-password, --pool-size (with --target; pool default 16)
              --shards <n>        shard count of the platform started in-process (default: the app's default)
              --mix <n>           distinct orders in the generated mix (default 2000)
              --seed <n>          seed of the order mix
              --max-in-flight <n> cap of outstanding requests in the fixed-rate run (default 1000)
            OutboxBenchmark only:
              --phase <s>         measured seconds of each with/without-outbox phase (default 30)
              --phases <n>        pairs of with/without phases, alternating which goes first (default 2)
              --backlog <n>       pending outbox rows to drain, against a raw producer (default 1000000)
              --breakdown         also run, in each pair, a phase that writes the outbox but stops the relay:
                                  splits the cost into writing (envelope, row) and relaying (relay, broker)
            OrderViewBenchmark only:
              --documents <n>     documents in the read model when member history pages are measured (default 1000000)
              --page-rate <n>     member history pages requested per second (default 200)
            """;
}
