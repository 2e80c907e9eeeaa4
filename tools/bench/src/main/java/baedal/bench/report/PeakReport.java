package baedal.bench.report;

import baedal.bench.PeakBenchmark;
import baedal.bench.audit.RunAudit;
import baedal.bench.baseline.Baselines;
import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.report.PeakResults.EndpointResult;
import baedal.bench.report.PeakResults.FaultOutcome;
import baedal.bench.report.PeakResults.PeakResult;
import baedal.bench.report.PeakResults.RunResult;
import baedal.bench.report.PeakResults.Step;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link PeakBenchmark} scenario's section of {@code docs/benchmarks.md}. Pure string work, no I/O. */
public final class PeakReport {

    private PeakReport() {
    }

    public static String section(PeakResult result) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(result.title()).append("\n\n");
        md.append("Realistic traffic through the HTTP API — Korean shops, menus, options and addresses from the catalog; ")
                .append("every order's whole lifecycle driven by simulated shops and riders (riders carry several ")
                .append("orders of a shop at once), a share of rejections and cancellations, members reading their ")
                .append("history while orders flow — against the platform run as separate processes, ending with an ")
                .append("audit of everything the API acknowledged. Measured ").append(result.machine().date())
                .append(" at commit `").append(result.machine().gitCommit()).append("`.\n\n");
        md.append("Reproduce (from the repository root):\n\n```sh\n").append(result.command()).append("\n```\n\n");
        md.append(Report.targetsTable(result.targets()));
        for (RunResult run : result.runs()) {
            md.append(run(run));
        }
        md.append("\n![").append(result.title()).append("](").append(result.chart()).append(")\n\n");
        md.append("### Setup\n\n");
        md.append("- Open model: new orders arrive at the curve's rate whatever the platform does; each request's ")
                .append("latency is measured from its intended time (coordinated omission corrected) in an HdrHistogram ")
                .append("(µs, 3 significant digits). Like a real client the load generator retries what failed for want ")
                .append("of the platform (connection refused, 5xx) — placements under their idempotency key, steps under ")
                .append("`If-Match` — and reads an order back after a 412; errors count every failed attempt, *gave up* ")
                .append("the operations it abandoned after 180 s.\n");
        md.append("- Callers: every request carries a bearer token of the one who would send it — the member places, ")
                .append("reads and cancels its own orders, the order's shop accepts or rejects, the rider dispatches itself ")
                .append("and moves its orders, an operator cancels with a `Baedal-Reason`. The tokens are the harness's ")
                .append("own (an RSA key per run, its JWK set served on 127.0.0.1, which every instance is configured to ")
                .append("trust), so thousands of distinct members, shops and riders act; a 401 or 403 is an error, ")
                .append("never retried.\n");
        md.append("- Commit → Kafka: each event's `published_at − written_at` (outbox); commit → read model: the read ")
                .append("model's `projected_at` of that event minus `written_at`. *Lag back under 1 s*: from the repair, ")
                .append("the first instant from which every event written more than a second earlier was done.\n");
        md.append("- New-order success while a shard is down: orders due between the fault and its repair that the ")
                .append("platform acknowledged at the first attempt (it places a new order on another shard when its ")
                .append("own is down).\n");
        md.append("- Audit (after the traffic has stopped; an operation still in flight fails the run): every ")
                .append("acknowledged order is on exactly one shard, at least at its last acknowledged version, and at ")
                .append("that version in the acknowledged status with the acknowledged rider; no idempotency key placed ")
                .append("two orders (as sent or scoped to the caller); Kafka holds every version 1..n of it, each ")
                .append("under one event id; the read model ")
                .append("holds it at version n and status, with the charged payment, one timeline entry per status and ")
                .append("every version recorded.\n");
        md.append("- Load generator, platform processes, PostgreSQL servers and Kafka share the same machine (")
                .append(result.machine().cores()).append(" cores).\n");
        md.append("- Machine: ").append(result.machine().cores()).append(" cores, JDK ").append(result.machine().jdk())
                .append(", ").append(result.machine().os()).append(", ").append(result.machine().postgres())
                .append(", Kafka client ").append(result.machine().kafka()).append(".\n");
        for (String note : result.notes()) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    public static String run(RunResult run) {
        StringBuilder md = new StringBuilder();
        md.append("\n### ").append(run.name()).append("\n\n");
        md.append(run.layout()).append("; ").append(run.curve()).append(", ")
                .append(Figures.fmt((double) run.loadSeconds())).append(" s of load: **")
                .append(run.acknowledged()).append("** orders acknowledged (")
                .append(Figures.fmt(run.placedPerSecond())).append("/s on average).\n\n");
        RunAudit.Findings audit = run.audit();
        md.append("| audit | count |\n|---|---:|\n");
        if (!audit.audited()) {
            md.append("| **not audited** (no database or Kafka access given) | — |\n");
        }
        md.append("| acknowledged orders lost | ").append(audit.acknowledgedLost()).append(" |\n");
        md.append("| acknowledged changes lost | ").append(audit.changesLost()).append(" |\n");
        md.append("| events lost (version missing from Kafka) | ").append(audit.eventsLost()).append(" of ")
                .append(audit.events()).append(" |\n");
        md.append("| read model not at the final version | ").append(audit.readModelBehind()).append(" |\n");
        md.append("| duplicates applied | ").append(audit.duplicatesApplied()).append(" |\n");
        md.append("| duplicate order numbers | ").append(audit.duplicateOrderNumbers()).append(" |\n");
        md.append("| orders placed twice (one idempotency key, or one number on two shards) | ")
                .append(audit.duplicatePlacements()).append(" |\n");
        md.append("| versions on Kafka under two event ids | ").append(audit.duplicateEvents()).append(" |\n");
        md.append("| operations in flight when the audit began | ").append(audit.unfinished()).append(" |\n");
        md.append("| stored without a 201 (the client gave up) | ").append(audit.storedWithoutAcknowledgement())
                .append(" |\n");
        md.append("| Kafka records repeating an event id (at-least-once; de-duplicated downstream) | ")
                .append(audit.kafkaRedeliveries()).append(" |\n");
        if (!run.faults().isEmpty()) {
            md.append("\n| fault | from s | repaired at s | new orders | first-try success | Kafka lag < 1 s after | ")
                    .append("read-model lag < 1 s after |\n|---|---:|---:|---:|---:|---:|---:|\n");
            for (FaultOutcome fault : run.faults()) {
                md.append("| ").append(fault.fault()).append(" | ").append(Figures.fmt(fault.startSecond()))
                        .append(" | ").append(Figures.fmt(fault.endSecond())).append(" | ").append(fault.newOrders())
                        .append(" | ").append(String.format(Locale.ROOT, "%.2f %%", 100 * fault.successRate()))
                        .append(" | ").append(seconds(fault.kafkaLagBackUnder1sSeconds())).append(" | ")
                        .append(seconds(fault.readModelLagBackUnder1sSeconds())).append(" |\n");
            }
        }
        if (!run.steps().isEmpty()) {
            md.append("\n| step orders/s | placements | placement p99 ms | errors | holds |\n|---:|---:|---:|---:|---|\n");
            for (Step step : run.steps()) {
                md.append("| ").append(Figures.fmt(step.rate())).append(" | ").append(step.samples()).append(" | ")
                        .append(Figures.ms(step.p99Ms())).append(" | ").append(step.errors()).append(" | ")
                        .append(step.held() ? "yes" : "**no**").append(" |\n");
            }
            md.append("\nHighest rate that held the target: **")
                    .append(run.maxRate() == null ? "none" : Figures.fmt(run.maxRate()) + " orders/s").append("**.\n");
        }
        md.append("\n| endpoint | succeeded | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | gave up | errors |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (EndpointResult endpoint : run.endpoints()) {
            Latency l = endpoint.latency();
            md.append("| `").append(endpoint.endpoint()).append("` | ").append(endpoint.succeeded()).append(" | ")
                    .append(Figures.ms(l.p50())).append(" | ").append(Figures.ms(l.p90())).append(" | ")
                    .append(Figures.ms(l.p99())).append(" | ").append(Figures.ms(l.p999())).append(" | ")
                    .append(Figures.ms(l.max())).append(" | ").append(endpoint.gaveUp()).append(" | ")
                    .append(errors(endpoint.errors())).append(" |\n");
        }
        if (run.commitToKafka() != null) {
            md.append("\n| delay | events | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|\n");
            md.append(delay("commit → Kafka ack", run.commitToKafka()));
            md.append(delay("commit → read model", run.commitToReadModel()));
        }
        if (run.baselines() != null) {
            md.append(baselines(run.baselines()));
        }
        md.append("\nRiders: ").append(Figures.fmt(run.riders())).append(" worked, ")
                .append(Figures.fmt(run.riderTrips())).append(" trips, ").append(Figures.fmt(run.ordersPerTrip()))
                .append(" orders per trip on average, at most ").append(Figures.fmt(run.mostOrdersOnATrip()))
                .append(" at once. Read-your-writes views answered stale: ").append(run.staleViews()).append(".\n");
        return md.toString();
    }

    static String baselines(Baselines.Outcome outcome) {
        StringBuilder md = new StringBuilder("\n**Baselines in the same run** (after the audit, on the same cluster; ")
                .append("ratio = ours / baseline):\n\n| baseline | measure | baseline | ours | ours / baseline | how |\n")
                .append("|---|---|---:|---:|---:|---|\n");
        for (Baselines.Comparison c : outcome.comparisons()) {
            md.append("| ").append(c.name()).append(" | ").append(c.measure()).append(" | ")
                    .append(Figures.fmt(Figures.round(c.baseline(), 2))).append(' ').append(c.unit()).append(" | ")
                    .append(Figures.fmt(Figures.round(c.ours(), 2))).append(' ').append(c.unit()).append(" | **")
                    .append(Baselines.formatRatio(c.ratio())).append("** | ").append(c.how()).append(" |\n");
        }
        for (String note : outcome.notes()) {
            md.append("\n").append(note).append('\n');
        }
        return md.toString();
    }

    private static String delay(String name, Latency l) {
        return "| " + name + " | " + l.samples() + " | " + Figures.ms(l.p50()) + " | " + Figures.ms(l.p90()) + " | "
                + Figures.ms(l.p99()) + " | " + Figures.ms(l.p999()) + " | " + Figures.ms(l.max()) + " |\n";
    }

    private static String seconds(Double value) {
        return value == null ? "**not within the run**" : Figures.fmt(value) + " s";
    }

    private static String errors(Map<String, Long> errors) {
        return errors.isEmpty() ? "0" : Figures.errors(errors);
    }
}
