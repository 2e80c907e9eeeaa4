package baedal.bench;

import picocli.CommandLine.Option;

/**
 * The options every benchmark on the in-process platform shares (each may also be given as {@code -Dbench.<name>}):
 * how long it measures, at what rate, with which order mix, and where its results go.
 */
final class RunOptions {

    @Option(names = "--duration", paramLabel = "<s>", defaultValue = "60",
            description = "measured seconds per run (default ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(names = "--warmup", paramLabel = "<s>", defaultValue = "15",
            description = "warm-up seconds before each run (default ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--rate", paramLabel = "<n>", defaultValue = "500",
            description = "fixed arrival rate, orders/s (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--max-in-flight", paramLabel = "<n>", defaultValue = "1000",
            description = "cap of outstanding requests at a fixed rate (default ${DEFAULT-VALUE})")
    int maxInFlight;

    @Option(names = "--shards", paramLabel = "<n>", defaultValue = "0",
            description = "shard count of the platform started in-process (default: the app's default)")
    int shards;

    @Option(names = "--mix", paramLabel = "<n>", defaultValue = "2000",
            description = "distinct orders in the generated mix (default ${DEFAULT-VALUE})")
    int mixSize;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "20250601",
            description = "seed of the order mix (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "docs/benchmarks",
            description = "where the JSON and the chart go (default ${DEFAULT-VALUE}); the section is written to "
                    + "<dir>/../benchmarks.md")
    String out;

    /** Refuses what cannot be measured. */
    void check() {
        if (durationSeconds < 1) {
            throw new IllegalArgumentException("--duration must be >= 1");
        }
        if (warmupSeconds < 0) {
            throw new IllegalArgumentException("--warmup must be >= 0");
        }
        if (!(rate > 0)) {
            throw new IllegalArgumentException("--rate must be > 0");
        }
    }
}
