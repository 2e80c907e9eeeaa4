package baedal.bench.report;

import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/** The flag propagation benchmark's section of the docs page and its chart. */
public final class FlagPropagationReport {

    private FlagPropagationReport() {
    }

    public static String section(FlagPropagationResult result) {
        FlagPropagationResult.Config config = result.config();
        StringBuilder md = new StringBuilder();
        md.append("## ").append(result.title()).append("\n\n");
        md.append("How long a flag change takes from its commit in `baedal_flags` to being applied on **every** one of ")
                .append(config.instances()).append(" app instances (each a JVM of its own), beside the broker's own ")
                .append("hop measured the same way in the same run. Measured ").append(result.machine().date())
                .append(" at commit `").append(result.machine().gitCommit()).append("`.\n\n");
        md.append("Reproduce (from the repository root):\n\n```sh\n").append(config.command()).append("\n```\n\n");
        md.append(Report.targetsTable(result.targets()));
        md.append("\n### Results\n\n");
        md.append("| measurement | samples | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | notes |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        row(md, "flag change: commit → applied, every (change, instance) pair", result.flags(),
                result.flagsMissing() + " pairs not acknowledged; by path: " + paths(result));
        row(md, "flag change: commit → applied on the slowest instance, per change", result.flagsSlowest(),
                config.changes() + " changes through the operator API");
        row(md, "baseline: raw Kafka send → received, every (record, consumer) pair", result.baseline(),
                result.baselineMissing() + " pairs not received");
        row(md, "baseline: raw Kafka send → received by the slowest consumer, per record", result.baselineSlowest(),
                config.instances() + " consumers");
        md.append("\nRatio flags ÷ raw Kafka (slowest receiver per change): p50 **").append(ratio(result.ratioP50()))
                .append("**, p99 **").append(ratio(result.ratioP99())).append("**. ")
                .append(String.format(Locale.ROOT, "The %d measured changes, each with its round trip, took %.1f s.", config.changes(),
                        result.seconds()))
                .append("\n\n");
        md.append("![flag propagation](").append(result.chart()).append(")\n\n");
        md.append("### Setup\n\n");
        md.append("- The platform as processes (`Cluster`): PostgreSQL servers of their own for the shard and for the ")
                .append("catalog, read model and `baedal_flags`; the Kafka broker in its own JVM; ")
                .append(config.instances()).append(" app instances, each `-Xmx").append(config.appHeapMb())
                .append("m`, given `baedal.flags.datasource.*` (the flags' database), an instance id and a snapshot ")
                .append("folder of its own; every setting of the flags and the outbox at its default (outbox linger ")
                .append("50 ms, feed `fetch.max.wait` 20 ms, reconciliation every 30 s).\n");
        md.append("- Changes: `PUT /api/operator/flags/").append(config.flag()).append("` on the first instance with ")
                .append("an operator token of the harness's issuer, `If-Match` the version it holds and a reason; ")
                .append("alternately on and off, each with another rollout percent. ").append(config.warmupChanges())
                .append(" changes warm up unmeasured, then ").append(config.changes()).append(" are measured. Each ")
                .append("change is made once every instance has acknowledged the previous one (`flag_ack` keeps one ")
                .append("row per flag and instance, upserted), so this is the delay of a change on its own, not ")
                .append("under a burst of them.\n");
        md.append("- Delay of a (change, instance) pair: the instance's `flag_ack.applied_at` minus the version's ")
                .append("`flag_state.changed_at`, read from the flags' database once every instance has acknowledged ")
                .append("it. `changed_at` is stamped by the instance that takes the change, inside its transaction, ")
                .append("just before the commit, so the figure includes the commit itself; `applied_at` by each ")
                .append("instance when its live state moved. Both are JVM clocks of this one machine (one system ")
                .append("clock). Each acknowledgement's own `delay_ms` (the same difference, truncated to ms) ")
                .append("disagreed with it ").append(result.ackDelayDisagreements()).append(" time(s). ")
                .append("HdrHistogram, µs, 3 digits. A change not acknowledged by every instance within ")
                .append(Figures.fmt(config.ackTimeoutSeconds())).append(" s counts its missing pairs and has no ")
                .append("slowest-instance figure.\n");
        md.append("- Baseline: on the same broker, one plain producer (`acks=all`, idempotent, no linger) sends one ")
                .append("small record at a time to a topic of one partition, read by ").append(config.instances())
                .append(" plain consumers in the harness's JVM as the flags' feed reads (assigned, no group, ")
                .append("`fetch.max.wait` 20 ms); from the instant before the send to each consumer's receipt. One ")
                .append("round trip follows each flag change once it is acknowledged everywhere (warm-up ones too), so ")
                .append("both meet the same moments of the shared machine. What the platform adds over it is the HTTP call's ")
                .append("transaction and commit, the outbox relay (woken by `NOTIFY`, then its linger) and applying ")
                .append("the state.\n");
        md.append("- Machine: ").append(result.machine().cores()).append(" cores, JDK ").append(result.machine().jdk())
                .append(", ").append(result.machine().os()).append(", ").append(result.machine().postgres())
                .append(", Kafka client ").append(result.machine().kafka()).append(".\n");
        for (String note : result.notes()) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    private static String paths(FlagPropagationResult result) {
        if (result.ackPaths().isEmpty()) {
            return "none";
        }
        return result.ackPaths().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String ratio(Double ratio) {
        return ratio == null ? "n/a" : String.format(Locale.ROOT, "%.1f×", ratio);
    }

    private static void row(StringBuilder md, String name, Latency latency, String notes) {
        md.append("| ").append(name).append(" | ").append(latency.samples()).append(" | ")
                .append(Figures.ms(latency.p50())).append(" | ").append(Figures.ms(latency.p90())).append(" | ")
                .append(Figures.ms(latency.p99())).append(" | ").append(Figures.ms(latency.p999())).append(" | ")
                .append(Figures.ms(latency.max())).append(" | ").append(notes).append(" |\n");
    }

    /**
     * Left: p50, p90, p99 and max of the four measurements; right: each change's slowest-instance delay in the order
     * the changes were made, with the target's line.
     */
    public static void chart(FlagPropagationResult result, double targetP99Ms, Path png) throws IOException {
        int width = 1200;
        int height = 460;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.canvas(image, "Flag propagation, ms — " + result.config().instances() + " instances, "
                + result.machine().cores() + " cores, commit " + result.machine().gitCommit());
        percentiles(g, List.of(result.flags(), result.flagsSlowest(), result.baseline(), result.baselineSlowest()),
                20, 60, 560, 380);
        perChange(g, result.flagsSlowestPerChangeMs(), targetP99Ms, 620, 60, 560, 380);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static final Color[] COLORS = {new Color(0x4E79A7), new Color(0x2F4B7C), new Color(0xF28E2B),
            new Color(0xB3591B)};
    private static final String[] SERIES = {"flags, all pairs", "flags, slowest instance", "raw Kafka, all pairs",
            "raw Kafka, slowest consumer"};

    private static void percentiles(Graphics2D g, List<Latency> series, int x, int y, int w, int h) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString("commit (send) → applied (received), ms", x, y + 10);
        String[] labels = {"p50", "p90", "p99", "max"};
        double max = Canvas.niceMax(series.stream().mapToDouble(Latency::max).max().orElse(1));
        int top = y + 40;
        int bottom = y + h - 30;
        int left = x + 55;
        int right = x + w;
        Canvas.axis(g, left, top, bottom, right, max, "", 50);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int s = 0; s < series.size(); s++) {
            g.setColor(COLORS[s]);
            g.fillRect(left + 10 + s * 130, y + 18, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(SERIES[s], left + 24 + s * 130, y + 27);
        }
        int slot = (right - left) / labels.length;
        int barW = (slot - 16) / series.size();
        for (int p = 0; p < labels.length; p++) {
            for (int s = 0; s < series.size(); s++) {
                Latency latency = series.get(s);
                double value = switch (p) {
                    case 0 -> latency.p50();
                    case 1 -> latency.p90();
                    case 2 -> latency.p99();
                    default -> latency.max();
                };
                int barH = (int) ((bottom - top) * Math.min(value, max) / max);
                int bx = left + 8 + p * slot + s * barW;
                g.setColor(COLORS[s]);
                g.fillRect(bx, bottom - barH, barW - 2, barH);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%.0f", value), bx, bottom - barH - 3);
            }
            g.drawString(labels[p], left + 8 + p * slot, bottom + 14);
        }
    }

    private static void perChange(Graphics2D g, List<Double> slowest, double targetMs, int x, int y, int w, int h) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString("each change: slowest instance, ms (red: the p99 target)", x, y + 10);
        double max = Canvas.niceMax(Math.max(targetMs * 1.2,
                slowest.stream().mapToDouble(Double::doubleValue).max().orElse(1)));
        int top = y + 40;
        int bottom = y + h - 30;
        int left = x + 55;
        int right = x + w;
        Canvas.axis(g, left, top, bottom, right, max, "", 50);
        g.setColor(COLORS[1]);
        int n = Math.max(1, slowest.size());
        for (int i = 0; i < slowest.size(); i++) {
            int px = left + (int) ((long) (right - left - 4) * i / n);
            int py = bottom - (int) ((bottom - top) * Math.min(slowest.get(i), max) / max);
            g.fillRect(px, py - 1, 2, 2);
        }
        int ty = bottom - (int) ((bottom - top) * targetMs / max);
        g.setColor(new Color(0xE15759));
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(left, ty, right, ty);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("change 1 … " + slowest.size(), left + 4, bottom + 14);
    }
}
