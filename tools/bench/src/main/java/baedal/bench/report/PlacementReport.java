package baedal.bench.report;

import static baedal.bench.measure.Figures.errors;
import static baedal.bench.measure.Figures.fmt;
import static baedal.bench.measure.Figures.ms;

import baedal.bench.measure.Run;
import baedal.bench.report.Results.Placement;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** Renders the "Order placement (issue 2)" section of {@code docs/benchmarks.md}. Pure string work, no I/O. */
public final class PlacementReport {

    private PlacementReport() {
    }

    /** The "Order placement (issue 2)" section. */
    public static String section(Placement result) {
        StringBuilder md = new StringBuilder();
        md.append("## Order placement (issue 2)\n\n");
        md.append("How fast `POST /api/orders` places orders compared with the raw-JDBC ceiling of the same writes, ")
                .append("and its latency under a fixed arrival rate. Measured ").append(result.machine().date())
                .append(" at commit `").append(result.machine().gitCommit()).append("`.\n\n");
        md.append("Reproduce (from the repository root):\n\n```sh\n").append(result.config().command()).append("\n```\n\n");
        md.append(Report.targetsTable(result.targets()));
        md.append("\n### Results\n\n");
        md.append("| run | model | orders/s | samples | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Run run : runs(result)) {
            md.append("| ").append(run.name()).append(" | ").append(run.model())
                    .append(run.targetRate() == null ? ", " + run.concurrency() + " workers"
                            : ", " + fmt(run.targetRate()) + "/s offered")
                    .append(" | ").append(fmt(run.ordersPerSecond()))
                    .append(" | ").append(run.latency().samples())
                    .append(" | ").append(ms(run.latency().p50()))
                    .append(" | ").append(ms(run.latency().p90()))
                    .append(" | ").append(ms(run.latency().p99()))
                    .append(" | ").append(ms(run.latency().p999()))
                    .append(" | ").append(ms(run.latency().max()))
                    .append(" | ").append(errors(run.errors())).append(" |\n");
        }
        md.append("\n| figure | value |\n|---|---:|\n");
        md.append("| raw-JDBC baseline, orders/s | ")
                .append(result.jdbcBaseline() == null ? "skipped" : fmt(result.jdbcBaseline().ordersPerSecond())).append(" |\n");
        md.append("| API max (closed loop), orders/s | ")
                .append(result.apiMax() == null ? "—" : fmt(result.apiMax().ordersPerSecond())).append(" |\n");
        md.append("| ratio API / JDBC | ")
                .append(result.apiToJdbcRatio() == null ? "n/a" : fmt(result.apiToJdbcRatio())).append(" |\n");
        if (result.apiFixedRate() != null) {
            md.append("| fixed rate: offered / achieved, orders/s | ").append(fmt(result.apiFixedRate().targetRate()))
                    .append(" / ").append(fmt(result.apiFixedRate().ordersPerSecond())).append(" |\n");
        }
        if (result.audit() != null) {
            md.append("| audit: acknowledged / found / missing / duplicate numbers | ")
                    .append(result.audit().acknowledged()).append(" / ").append(result.audit().found()).append(" / ")
                    .append(result.audit().missing()).append(" / ").append(result.audit().duplicateOrderNumbers())
                    .append(" |\n");
            md.append("| audit: stored without a 201 (client gave up) | ")
                    .append(result.audit().storedButUnacknowledged()).append(" |\n");
        }
        md.append("\n").append("![order placement](").append(result.chart()).append(")\n\n");
        md.append("### Setup\n\n");
        md.append("- Run: each closed-loop run warms up for at least ").append(result.config().warmupSeconds())
                .append(" s and until its throughput is steady (three 10 s windows within 5 %)")
                .append(warmups(result)).append(", then ")
                .append(result.config().durationSeconds()).append(" s measured; the fixed-rate run follows a ")
                .append(result.config().warmupSeconds()).append(" s warm-up at its rate; ")
                .append(result.config().shards()).append(" shards, pool ").append(result.config().poolSize())
                .append(" connections per shard, ").append(result.config().concurrency())
                .append(" closed-loop workers; order mix of ").append(result.config().mixSize())
                .append(" orders over every seeded shop (1–3+ menus, required option groups honoured, ")
                .append("minimum order respected, server-exact payment amounts).\n");
        md.append("- Raw-JDBC baseline: the statements of `ShardedOrders.place` (nextval, idempotency claim, order row, ")
                .append("one multi-row `order_line` insert with jsonb options, the `OrderPlaced` outbox row) in one transaction, ")
                .append("HikariCP pool of the same size per shard, round-robin over the shards, no HTTP.\n");
        md.append("- Fixed rate: open model; each request is due at its scheduled time and sent then on its own ")
                .append("virtual thread; latency is measured from the **intended** send time (coordinated omission ")
                .append("corrected), recorded in an HdrHistogram (µs, 3 significant digits).\n");
        md.append("- Client and platform share the same machine (and its 2 cores): the figures include the client's cost.\n");
        md.append("- Machine: ").append(result.machine().cores()).append(" cores, JDK ").append(result.machine().jdk())
                .append(", ").append(result.machine().os()).append(", ").append(result.machine().postgres())
                .append(", Kafka client ").append(result.machine().kafka()).append(", max heap ")
                .append(result.machine().maxHeapMb()).append(" MB, garbage collectors ")
                .append(result.machine().garbageCollectors()).append(", JVM options `")
                .append(result.machine().jvmArguments()).append("` (the platform runs in the harness's JVM).\n");
        for (String note : result.notes()) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    static List<Run> runs(Placement result) {
        return Stream.of(result.jdbcBaseline(), result.apiMax(), result.apiFixedRate()).filter(Objects::nonNull)
                .toList();
    }

    private static String warmups(Placement result) {
        StringBuilder took = new StringBuilder(" — took ");
        if (result.jdbcBaseline() != null) {
            took.append(Math.round(result.jdbcBaseline().warmupSeconds())).append(" s (JDBC), ");
        }
        return took.append(Math.round(result.apiMax().warmupSeconds())).append(" s (API)").toString();
    }
}
