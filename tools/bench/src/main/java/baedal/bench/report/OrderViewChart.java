package baedal.bench.report;

import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.report.Results.OrderViewResult;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws the read-model chart (headless java.awt): freshness percentiles and history page percentiles. */
public final class OrderViewChart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 460;

    private OrderViewChart() {
    }

    public static void write(OrderViewResult result, Path png) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.canvas(image, "Order read model — " + result.machine().cores() + " cores, commit " + result.machine().gitCommit()
                + ", " + result.machine().date());
        percentiles(g, "Freshness, ms: commit → projected (blue), 201 → visible via API (orange)",
                result.commitToProjected(), result.ackToVisible(), 20, 60, 560, 380);
        percentiles(g, "Member history page, ms (" + String.format(java.util.Locale.ROOT, "%,d", result.documents())
                + " documents)", result.pages().latency(), null, 620, 60, 560, 380);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void percentiles(Graphics2D g, String title, Latency first, Latency second, int x, int y, int w,
            int h) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, x, y + 10);
        String[] labels = {"p50", "p90", "p99", "p99.9", "max"};
        double[][] values = {values(first), second == null ? null : values(second)};
        double max = Canvas.niceMax(Math.max(first.max(), second == null ? 0 : second.max()));
        int top = y + 25;
        int bottom = y + h - 30;
        int left = x + 50;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i <= 4; i++) {
            int yy = bottom - (bottom - top) * i / 4;
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(left, yy, x + w, yy);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Figures.fmt(max * i / 4), left - 48, yy + 4);
        }
        Color[] colors = {new Color(0x4E79A7), new Color(0xF28E2B)};
        int slot = (w - 60) / labels.length;
        for (int p = 0; p < labels.length; p++) {
            for (int s = 0; s < 2; s++) {
                if (values[s] == null) {
                    continue;
                }
                int barW = slot / 3;
                int bx = left + 10 + p * slot + s * barW;
                int barH = (int) ((bottom - top) * Math.min(values[s][p], max) / max);
                g.setColor(colors[s]);
                g.fillRect(bx, bottom - barH, barW - 2, barH);
                g.setColor(Color.BLACK);
                g.drawString(Figures.ms(values[s][p]), bx, bottom - barH - 3);
            }
            g.drawString(labels[p], left + 10 + p * slot, bottom + 14);
        }
        g.setColor(Color.BLACK);
        g.drawLine(left, top, left, bottom);
        g.drawLine(left, bottom, x + w, bottom);
    }

    private static double[] values(Latency latency) {
        return new double[] {latency.p50(), latency.p90(), latency.p99(), latency.p999(), latency.max()};
    }
}
