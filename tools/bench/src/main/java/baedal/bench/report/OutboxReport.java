package baedal.bench.report;

import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Run;
import baedal.bench.report.Results.Drain;
import baedal.bench.report.Results.OutboxConfig;
import baedal.bench.report.Results.OutboxResult;
import java.util.ArrayList;
import java.util.List;

/** Renders the "Outbox and relay (issue 3)" section of {@code docs/benchmarks.md}. Pure string work, no I/O. */
public final class OutboxReport {

    private OutboxReport() {
    }

    public static String section(OutboxResult result) {
        StringBuilder md = new StringBuilder();
        md.append("## Outbox and relay (issue 3)\n\n");
        md.append("What the transactional outbox costs order placement, how soon a committed event is acknowledged by ")
                .append("Kafka, and how fast the relay drains a backlog compared with a raw producer. Measured ")
                .append(result.machine().date()).append(" at commit `").append(result.machine().gitCommit())
                .append("`.\n\n");
        md.append("Reproduce (from the repository root):\n\n```sh\n").append(result.config().command()).append("\n```\n\n");
        md.append(Report.targetsTable(result.targets()));
        md.append("\n### Placement with and without the outbox\n\n");
        md.append("| phase | orders/s | samples | p50 ms | p99 ms | p99.9 ms | errors |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Run run : phases(result)) {
            md.append("| ").append(run.name()).append(" | ").append(Figures.fmt(run.ordersPerSecond())).append(" | ")
                    .append(run.latency().samples()).append(" | ").append(Figures.ms(run.latency().p50())).append(" | ")
                    .append(Figures.ms(run.latency().p99())).append(" | ").append(Figures.ms(run.latency().p999()))
                    .append(" | ").append(Figures.errors(run.errors())).append(" |\n");
        }
        md.append("| **mean without / with** | **").append(Figures.fmt(result.withoutPerSecond())).append(" / ")
                .append(Figures.fmt(result.withPerSecond())).append("** | | | | | |\n");
        if (!result.writtenNotRelayed().isEmpty()) {
            md.append(breakdown(result));
        }
        Latency ack = result.commitToAck();
        Run fixed = result.fixedRate();
        md.append("\n### Commit → Kafka acknowledgement at ").append(Figures.fmt(fixed.targetRate()))
                .append(" orders/s\n\n");
        md.append("| events | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | placement p99 ms | placement errors |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---|\n");
        md.append("| ").append(ack.samples()).append(" | ").append(Figures.ms(ack.p50())).append(" | ")
                .append(Figures.ms(ack.p90())).append(" | ").append(Figures.ms(ack.p99())).append(" | ")
                .append(Figures.ms(ack.p999())).append(" | ").append(Figures.ms(ack.max())).append(" | ")
                .append(Figures.ms(fixed.latency().p99())).append(" | ").append(Figures.errors(fixed.errors()))
                .append(" |\n");
        Drain drain = result.drain();
        md.append("\n### Draining a backlog of ").append(String.format(java.util.Locale.ROOT, "%,d", drain.backlog()))
                .append(" rows\n\n");
        md.append("| sender | records | seconds | records/s |\n|---|---:|---:|---:|\n");
        md.append("| raw Kafka producer (baseline) | ").append(drain.backlog()).append(" | ")
                .append(Figures.fmt(drain.rawSeconds())).append(" | ").append(Figures.fmt(drain.rawPerSecond())).append(" |\n");
        md.append("| outbox relay | ").append(drain.relayed()).append(" | ").append(Figures.fmt(drain.relaySeconds()))
                .append(" | ").append(Figures.fmt(drain.relayPerSecond())).append(" |\n");
        md.append("| **ratio relay / raw** | | | **").append(Figures.fmt(drain.ratio())).append("** |\n");
        md.append("\n![outbox and relay](").append(result.chart()).append(")\n\n");
        md.append("### Setup\n\n");
        md.append("- With / without: the same platform and the same order mix, closed loop, ")
                .append(result.config().concurrency()).append(" HTTP workers, ").append(result.config().shards())
                .append(" shards, pool ").append(result.config().poolSize()).append("; after a warm-up with the outbox ")
                .append("until throughput was steady (").append(Math.round(result.warmupSeconds())).append(" s), ")
                .append(result.config().phases()).append(" pairs of ").append(result.config().phaseSeconds())
                .append(" s phases, each after ").append(OutboxConfig.SETTLE.toSeconds())
                .append(" s of settling, alternating which mode goes first. *Without* swaps in a change log that ")
                .append("builds no event envelope and writes no outbox row, and stops the relay; *with* is the ")
                .append("product: envelope and outbox row in the order's transaction, relay publishing to the ")
                .append("embedded broker in the same process.\n");
        md.append("- Commit → ack: open model at the fixed rate (").append(result.config().durationSeconds())
                .append(" s after a ").append(result.config().warmupSeconds()).append(" s warm-up); for every outbox ")
                .append("row written in the measured window, `published_at − written_at` from the `outbox_state` view: ")
                .append("the relay records one publication per batch at the acknowledgement of its last row, and ")
                .append("`written_at` is the insert inside the order's transaction (so the figure slightly ")
                .append("over-states commit → ack). Recorded in an HdrHistogram (µs).\n");
        md.append("- Drain: ").append(String.format(java.util.Locale.ROOT, "%,d", drain.backlog()))
                .append(" rows in two halves, each inserted directly into the shards' outboxes (split evenly, untimed) as ")
                .append("copies of a real `OrderPlaced` envelope of ").append(drain.payloadBytes()).append(" bytes ")
                .append("with their own order numbers, and sent in the order raw, relay, relay, raw, so that a drift ")
                .append("over the run weighs on both alike. The raw producers — like the relay, one `KafkaProducer` ")
                .append("and one sending thread per shard, with the relay's own settings (idempotent, `acks=all`, same ")
                .append("linger and batch size) — send the same keys, values and headers to a topic with the same ")
                .append("partitions; the relay (one worker per shard, batch ").append(result.config().relayBatchSize())
                .append(") is started on each half and timed until it has published every row. Each rate is the ")
                .append("records of both halves over the seconds of both.\n");
        md.append("- Client, platform, PostgreSQL and Kafka share the same machine (and its ")
                .append(result.machine().cores()).append(" cores).\n");
        md.append("- Machine: ").append(result.machine().cores()).append(" cores, JDK ").append(result.machine().jdk())
                .append(", ").append(result.machine().os()).append(", ").append(result.machine().postgres())
                .append(", Kafka client ").append(result.machine().kafka()).append(", max heap ")
                .append(result.machine().maxHeapMb()).append(" MB, JVM options `")
                .append(result.machine().jvmArguments()).append("`.\n");
        for (String note : result.notes()) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    /**
     * Where the cost goes ({@code --breakdown}): the phases that wrote the outbox with the relay stopped, and the
     * cost split into writing (envelope and row in the order's transaction) and relaying (relay and broker).
     */
    static String breakdown(OutboxResult result) {
        double writeOnly = Run.meanRate(result.writtenNotRelayed());
        double without = result.withoutPerSecond();
        StringBuilder md = new StringBuilder("\n### Where the cost goes: outbox written, relay stopped\n\n");
        md.append("| phase | orders/s | samples | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|---|\n");
        for (Run run : result.writtenNotRelayed()) {
            md.append("| ").append(run.name()).append(" | ").append(Figures.fmt(run.ordersPerSecond())).append(" | ")
                    .append(run.latency().samples()).append(" | ").append(Figures.ms(run.latency().p50())).append(" | ")
                    .append(Figures.ms(run.latency().p99())).append(" | ").append(Figures.errors(run.errors()))
                    .append(" |\n");
        }
        md.append("\n| share of the placement cost | % of the rate without the outbox |\n|---|---:|\n");
        md.append("| writing: envelope and outbox row in the order's transaction (1 − written / without) | ")
                .append(Figures.fmt(Figures.round(100 * (1 - writeOnly / without), 1))).append(" |\n");
        md.append("| relaying: relay and broker on the same cores ((written − with) / without) | ")
                .append(Figures.fmt(Figures.round(100 * (writeOnly - result.withPerSecond()) / without, 1))).append(" |\n");
        return md.toString();
    }

    /** The phases in the order they ran. */
    public static List<Run> phases(OutboxResult result) {
        List<Run> ordered = new ArrayList<>();
        for (int p = 0; p < result.withoutOutbox().size(); p++) {
            if (p % 2 == 0) {
                ordered.add(result.withoutOutbox().get(p));
                ordered.add(result.withOutbox().get(p));
            } else {
                ordered.add(result.withOutbox().get(p));
                ordered.add(result.withoutOutbox().get(p));
            }
        }
        return ordered;
    }
}
