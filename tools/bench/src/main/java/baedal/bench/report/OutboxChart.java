package baedal.bench.report;

import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Run;
import baedal.bench.report.Results.OutboxResult;
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
 * Draws the outbox chart (headless java.awt): orders/s of each with/without phase, commit → ack percentiles,
 * and the drain's running total of acknowledged records for the raw producer and the relay.
 */
public final class OutboxChart {

    private static final Color WITHOUT = new Color(0xBAB0AC);
    private static final Color WITH = new Color(0x4E79A7);
    private static final Color RAW = new Color(0xF28E2B);
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 760;

    private OutboxChart() {
    }

    public static void write(OutboxResult result, Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.canvas(image, "Outbox and relay — " + result.machine().cores() + " cores, " + result.config().shards()
                + " shards, commit " + result.machine().gitCommit() + ", " + result.machine().date());
        phases(g, OutboxReport.phases(result), 20, 60, 560, 360);
        latency(g, result.commitToAck(), 620, 60, 560, 360);
        drain(g, result, 20, 460, 1160, 280);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void phases(Graphics2D g, List<Run> runs, int x, int y, int w, int h) {
        title(g, "Placement orders/s per phase (grey: without outbox, blue: with)", x, y);
        double max = Canvas.niceMax(runs.stream().mapToDouble(Run::ordersPerSecond).max().orElse(1));
        int top = y + 20;
        int bottom = y + h - 30;
        axis(g, x + 50, top, bottom, x + w, max);
        int slot = (w - 60) / Math.max(1, runs.size());
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            int barH = (int) ((bottom - top) * run.ordersPerSecond() / max);
            int bx = x + 60 + i * slot + slot / 6;
            g.setColor(run.name().startsWith("with outbox") ? WITH : WITHOUT);
            g.fillRect(bx, bottom - barH, slot * 2 / 3, barH);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(Figures.fmt(run.ordersPerSecond()), bx, bottom - barH - 4);
            g.drawString(run.name().replace(" outbox", ""), bx, bottom + 14);
        }
    }

    private static void latency(Graphics2D g, Latency ack, int x, int y, int w, int h) {
        title(g, "Commit → Kafka ack, ms (" + ack.samples() + " events)", x, y);
        double[] values = {ack.p50(), ack.p90(), ack.p99(), ack.p999(), ack.max()};
        String[] labels = {"p50", "p90", "p99", "p99.9", "max"};
        double max = Canvas.niceMax(ack.max());
        int top = y + 20;
        int bottom = y + h - 30;
        axis(g, x + 50, top, bottom, x + w, max);
        int slot = (w - 60) / values.length;
        for (int i = 0; i < values.length; i++) {
            int barH = (int) ((bottom - top) * values[i] / max);
            int bx = x + 60 + i * slot + slot / 6;
            g.setColor(WITH);
            g.fillRect(bx, bottom - barH, slot * 2 / 3, barH);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(Figures.ms(values[i]), bx, bottom - barH - 4);
            g.drawString(labels[i], bx, bottom + 14);
        }
    }

    private static void drain(Graphics2D g, OutboxResult result, int x, int y, int w, int h) {
        title(g, "Drain: records acknowledged over time (orange: raw producer, blue: relay)", x, y);
        List<Long> raw = result.drain().rawProgress();
        List<Long> relay = result.drain().relayProgress();
        int seconds = Math.max(1, Math.max(raw.size(), relay.size()));
        double max = Canvas.niceMax(result.drain().backlog());
        int top = y + 20;
        int bottom = y + h - 30;
        int left = x + 50;
        axis(g, left, top, bottom, x + w, max);
        g.setStroke(new BasicStroke(2f));
        line(g, raw, RAW, left, x + w - 10, top, bottom, seconds, max);
        line(g, relay, WITH, left, x + w - 10, top, bottom, seconds, max);
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("0 s", left, bottom + 14);
        g.drawString(seconds + " s", x + w - 40, bottom + 14);
    }

    private static void line(Graphics2D g, List<Long> series, Color color, int left, int right, int top, int bottom,
            int seconds, double max) {
        g.setColor(color);
        int px = left;
        int py = bottom;
        for (int s = 0; s < series.size(); s++) {
            int cx = left + (int) ((right - left) * (s + 1.0) / seconds);
            int cy = bottom - (int) ((bottom - top) * Math.min(series.get(s), max) / max);
            g.drawLine(px, py, cx, cy);
            px = cx;
            py = cy;
        }
    }

    private static void title(Graphics2D g, String text, int x, int y) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(text, x, y + 10);
    }

    private static void axis(Graphics2D g, int left, int top, int bottom, int right, double max) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i <= 4; i++) {
            int yy = bottom - (bottom - top) * i / 4;
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(left, yy, right, yy);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Figures.fmt(max * i / 4), left - 48, yy + 4);
        }
        g.setColor(Color.BLACK);
        g.drawLine(left, top, left, bottom);
        g.drawLine(left, bottom, right, bottom);
    }
}
