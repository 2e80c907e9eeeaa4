package baedal.bench;

import baedal.bench.measure.Figures;
import baedal.bench.report.PeakResults.FaultOutcome;
import baedal.bench.report.PeakResults.RunResult;
import baedal.bench.report.Results.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The peak and fault harness's targets over all runs of a scenario: nothing acknowledged lost, no event lost, the
 * read model at every final version, no duplicate of any kind, nothing left in flight, the audit run at all; new
 * orders still placed while a shard is down; and each lag back under a second after each fault.
 */
final class PeakTargets {

    static final double TARGET_SUCCESS_WHILE_SHARD_DOWN = 0.999;

    private PeakTargets() {
    }

    static List<Target> of(List<RunResult> runs) {
        List<Target> targets = new ArrayList<>();
        long acknowledged = runs.stream().mapToLong(run -> run.audit().acknowledged()).sum();
        long lost = runs.stream().mapToLong(run -> run.audit().acknowledgedLost() + run.audit().changesLost()).sum();
        long events = runs.stream().mapToLong(run -> run.audit().events()).sum();
        long eventsLost = runs.stream().mapToLong(run -> run.audit().eventsLost()).sum();
        long behind = runs.stream().mapToLong(run -> run.audit().readModelBehind()).sum();
        long duplicates = runs.stream().mapToLong(run -> run.audit().duplicates()).sum();
        long unfinished = runs.stream().mapToLong(run -> run.audit().unfinished()).sum();
        List<String> notAudited = runs.stream().filter(run -> !run.audit().audited()).map(RunResult::name).toList();
        if (!notAudited.isEmpty()) {
            targets.add(new Target("the audit ran (shards, Kafka and the read model checked)", "every run",
                    "not run for " + String.join(", ", notAudited)
                            + ": give --jdbc-url, --order-view-url and --kafka", false));
        }
        targets.add(new Target("acknowledged orders (and acknowledged changes) lost", "0",
                lost + " of " + acknowledged + " orders", lost == 0 && acknowledged > 0));
        targets.add(new Target("events lost (a version missing from Kafka)", "0", eventsLost + " of " + events,
                eventsLost == 0));
        targets.add(new Target("documents not at their order's final version in the read model", "0",
                behind + " of " + acknowledged, behind == 0));
        targets.add(new Target("duplicates (effects applied twice, order numbers, placements or events)", "0",
                Long.toString(duplicates), duplicates == 0));
        targets.add(new Target("operations still in flight when the audit began (outcome unknown)", "0",
                Long.toString(unfinished), unfinished == 0));
        List<FaultOutcome> shardOutages = runs.stream().flatMap(run -> run.faults().stream())
                .filter(outcome -> outcome.spec().startsWith("shard")).toList();
        if (!shardOutages.isEmpty()) {
            long attempted = shardOutages.stream().mapToLong(FaultOutcome::newOrders).sum();
            long firstTry = shardOutages.stream().mapToLong(FaultOutcome::acknowledgedFirstTry).sum();
            double rate = attempted == 0 ? 1 : (double) firstTry / attempted;
            targets.add(new Target("new-order success while a shard is down (acknowledged at the first attempt)",
                    "≥ 99.9 %", String.format(Locale.ROOT, "%.2f %% (%d of %d)", 100 * rate, firstTry, attempted),
                    rate >= TARGET_SUCCESS_WHILE_SHARD_DOWN));
        }
        List<FaultOutcome> all = runs.stream().flatMap(run -> run.faults().stream()).toList();
        if (!all.isEmpty()) {
            long recovered = all.stream().filter(o -> o.kafkaLagBackUnder1sSeconds() != null
                    && o.readModelLagBackUnder1sSeconds() != null).count();
            double worst = all.stream().mapToDouble(o -> Math.max(
                    o.kafkaLagBackUnder1sSeconds() == null ? Double.MAX_VALUE : o.kafkaLagBackUnder1sSeconds(),
                    o.readModelLagBackUnder1sSeconds() == null ? Double.MAX_VALUE : o.readModelLagBackUnder1sSeconds()))
                    .max().orElse(0);
            targets.add(new Target("lag back under 1 s after each fault (commit → Kafka and → read model)",
                    "every fault, time reported", recovered + " of " + all.size() + " faults"
                            + (recovered == all.size() ? ", slowest " + Figures.fmt(Figures.round(worst, 2)) + " s" : ""),
                    recovered == all.size()));
        }
        return targets;
    }
}
