package baedal.bench.report;

import baedal.bench.measure.Figures;
import baedal.bench.report.PeakResults.FaultOutcome;
import baedal.bench.report.PeakResults.PeakResult;
import baedal.bench.report.PeakResults.RunResult;
import baedal.bench.traffic.Traffic;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws each run of a {@link PeakResult} over time (headless java.awt): offered and acknowledged orders/s, and the
 * placement p99 per second, with the faults' windows shaded. One band of two panels per run.
 */
public final class PeakChart {

    private static final int WIDTH = 1200;
    private static final int BAND = 330;
    private static final Color OFFERED = new Color(0xBAB0AC);
    private static final Color PLACED = new Color(0x4E79A7);
    private static final Color P99 = new Color(0xE15759);
    private static final Color FAULT = new Color(255, 190, 120, 90);

    private PeakChart() {
    }

    public static void write(PeakResult result, Path png) throws IOException {
        int height = 60 + BAND * Math.max(1, result.runs().size());
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.canvas(image, result.title());
        int y = 50;
        for (RunResult run : result.runs()) {
            band(g, run, y);
            y += BAND;
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void band(Graphics2D g, RunResult run, int y) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(run.name() + " — " + run.curve(), 20, y + 14);
        List<Traffic.Second> seconds = run.seconds();
        double span = Math.max(1, seconds.isEmpty() ? 1 : seconds.getLast().second());
        double maxRate = Canvas.niceMax(Math.max(max(seconds, Traffic.Second::offeredRate), max(seconds, s -> s.placed())));
        double maxP99 = Canvas.niceMax(max(seconds, Traffic.Second::placeP99Ms));
        panel(g, run, seconds, span, 70, y + 30, 520, BAND - 80, maxRate, "/s", "orders/s (grey: offered, blue: acknowledged)",
                List.of(Traffic.Second::offeredRate, s -> s.placed()), List.of(OFFERED, PLACED));
        panel(g, run, seconds, span, 660, y + 30, 520, BAND - 80, maxP99, " ms", "POST /api/orders p99 per second (ms)",
                List.of(Traffic.Second::placeP99Ms), List.of(P99));
    }

    private static void panel(Graphics2D g, RunResult run, List<Traffic.Second> seconds, double span, int left, int top,
            int width, int height, double max, String unit, String title,
            List<ToDoubleFunction<Traffic.Second>> series, List<Color> colors) {
        int bottom = top + height;
        int right = left + width;
        for (FaultOutcome fault : run.faults()) {
            int x0 = left + (int) (width * fault.startSecond() / span);
            int x1 = left + (int) (width * Math.min(span, fault.endSecond()) / span);
            g.setColor(FAULT);
            g.fillRect(x0, top, Math.max(2, x1 - x0), height);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            g.drawString(fault.spec().replaceAll("@.*", ""), x0 + 2, top + 12);
        }
        Canvas.axis(g, left, top, bottom, right, max, unit, 60);
        g.drawString(title, left, top - 6);
        g.drawString("0 s", left, bottom + 14);
        g.drawString(Figures.fmt(span) + " s", right - 30, bottom + 14);
        g.setStroke(new BasicStroke(1.6f));
        for (int s = 0; s < series.size(); s++) {
            g.setColor(colors.get(s));
            int px = -1;
            int py = -1;
            for (Traffic.Second second : seconds) {
                int x = left + (int) (width * second.second() / span);
                int yy = bottom - (int) (height * Math.min(max, series.get(s).applyAsDouble(second)) / max);
                if (px >= 0) {
                    g.drawLine(px, py, x, yy);
                }
                px = x;
                py = yy;
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static double max(List<Traffic.Second> seconds, ToDoubleFunction<Traffic.Second> value) {
        return seconds.stream().mapToDouble(value).max().orElse(1);
    }
}
