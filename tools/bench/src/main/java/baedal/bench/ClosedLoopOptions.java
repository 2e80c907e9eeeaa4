package baedal.bench;

import picocli.CommandLine.Option;

/** The options of a benchmark with closed-loop runs: how many workers, and how long a warm-up may take. */
final class ClosedLoopOptions {

    @Option(names = "--concurrency", paramLabel = "<n>",
            description = "closed-loop workers (default: the shard pool size)")
    Integer concurrency;

    @Option(names = "--warmup-max", paramLabel = "<s>", defaultValue = "180",
            description = "longest warm-up (default ${DEFAULT-VALUE}); a closed-loop run warms up for at least "
                    + "--warmup and until its throughput is steady (three 10 s windows within 5 %%)")
    int warmupMaxSeconds;

    /** The workers: {@code --concurrency}, else one per connection of a shard's pool. */
    int concurrency(int poolSize) {
        return concurrency == null ? poolSize : concurrency;
    }
}
