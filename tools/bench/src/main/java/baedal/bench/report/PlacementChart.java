package baedal.bench.report;

import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Run;
import baedal.bench.report.Results.Placement;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the placement chart (headless java.awt): left, orders/s of each run; right, latency percentiles of
 * each run; bottom, successful orders per second over the measured window.
 */
public final class PlacementChart {

    private static final Color[] COLORS = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F)};
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 760;

    private PlacementChart() {
    }

    public static void write(Placement result, Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.canvas(image, "Order placement — " + result.machine().cores() + " cores, " + result.config().shards()
                + " shards, commit " + result.machine().gitCommit() + ", " + result.machine().date());
        List<Run> runs = PlacementReport.runs(result);
        throughput(g, runs, 20, 60, 420, 360);
        latency(g, runs, 480, 60, 700, 360);
        overTime(g, runs, 20, 460, 1160, 280);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void throughput(Graphics2D g, List<Run> runs, int x, int y, int w, int h) {
        title(g, "Accepted orders/s (measured window)", x, y);
        double max = runs.stream().mapToDouble(Run::ordersPerSecond).max().orElse(1);
        max = Canvas.niceMax(max);
        int top = y + 20;
        int bottom = y + h - 40;
        axis(g, x + 50, top, bottom, x + w, max, "");
        int slot = (w - 60) / Math.max(1, runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            int barH = (int) ((bottom - top) * run.ordersPerSecond() / max);
            int bx = x + 60 + i * slot + slot / 6;
            g.setColor(COLORS[i % COLORS.length]);
            g.fillRect(bx, bottom - barH, slot * 2 / 3, barH);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(Figures.fmt(run.ordersPerSecond()), bx, bottom - barH - 4);
            g.drawString(shortName(run), bx, bottom + 16);
        }
    }

    private static void latency(Graphics2D g, List<Run> runs, int x, int y, int w, int h) {
        title(g, "Latency percentiles, ms (fixed rate: from intended send time)", x, y);
        String[] labels = {"p50", "p90", "p99", "p99.9"};
        double max = 1;
        for (Run run : runs) {
            max = Math.max(max, run.latency().p999());
        }
        max = Canvas.niceMax(max);
        int top = y + 20;
        int bottom = y + h - 40;
        axis(g, x + 50, top, bottom, x + w, max, "");
        int group = (w - 60) / labels.length;
        int bar = Math.max(4, (group - 20) / Math.max(1, runs.size()));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int p = 0; p < labels.length; p++) {
            int gx = x + 60 + p * group + 10;
            for (int i = 0; i < runs.size(); i++) {
                Latency l = runs.get(i).latency();
                double v = switch (p) {
                    case 0 -> l.p50();
                    case 1 -> l.p90();
                    case 2 -> l.p99();
                    default -> l.p999();
                };
                int barH = (int) ((bottom - top) * v / max);
                g.setColor(COLORS[i % COLORS.length]);
                g.fillRect(gx + i * bar, bottom - barH, bar - 3, barH);
                g.setColor(Color.BLACK);
                g.drawString(Figures.fmt(v), gx + i * bar, bottom - barH - 3);
            }
            g.drawString(labels[p], gx + bar, bottom + 16);
        }
        legend(g, runs, x + 60, bottom + 30);
    }

    private static void overTime(Graphics2D g, List<Run> runs, int x, int y, int w, int h) {
        title(g, "Successful orders per second over the measured window", x, y);
        double max = 1;
        int seconds = 1;
        for (Run run : runs) {
            for (long v : run.perSecond()) {
                max = Math.max(max, v);
            }
            seconds = Math.max(seconds, run.perSecond().size());
        }
        max = Canvas.niceMax(max);
        int top = y + 20;
        int bottom = y + h - 30;
        int left = x + 50;
        axis(g, left, top, bottom, x + w, max, "");
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < runs.size(); i++) {
            List<Long> series = runs.get(i).perSecond();
            g.setColor(COLORS[i % COLORS.length]);
            int px = -1;
            int py = -1;
            for (int s = 0; s < series.size(); s++) {
                int cx = left + (int) ((x + w - left - 10) * (s + 0.5) / seconds);
                int cy = bottom - (int) ((bottom - top) * series.get(s) / max);
                if (px >= 0) {
                    g.drawLine(px, py, cx, cy);
                }
                px = cx;
                py = cy;
            }
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("0 s", left, bottom + 14);
        g.drawString(seconds + " s", x + w - 40, bottom + 14);
    }

    private static void legend(Graphics2D g, List<Run> runs, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int cx = x;
        for (int i = 0; i < runs.size(); i++) {
            g.setColor(COLORS[i % COLORS.length]);
            g.fillRect(cx, y - 10, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(runs.get(i).name(), cx + 16, y);
            cx += 20 + g.getFontMetrics().stringWidth(runs.get(i).name()) + 20;
        }
    }

    private static String shortName(Run run) {
        if (run.targetRate() != null) {
            return "API @ " + Figures.fmt(run.targetRate()) + "/s";
        }
        return run.name().startsWith("raw JDBC") ? "raw JDBC" : run.name().startsWith("API max") ? "API max" : run.name();
    }

    private static void title(Graphics2D g, String text, int x, int y) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(text, x, y + 10);
    }

    private static void axis(Graphics2D g, int left, int top, int bottom, int right, double max, String unit) {
        Canvas.axis(g, left, top, bottom, right, max, unit, 48);
    }
}
