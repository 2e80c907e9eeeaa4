package baedal.bench.report;

import baedal.bench.measure.Figures;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** What every chart of the harness draws alike (headless java.awt): the canvas, its title, axes and their scale. */
final class Canvas {

    private Canvas() {
    }

    /** Four grid lines with their values ({@code labelWidth} left of the axis) and the two axes. */
    static void axis(Graphics2D g, int left, int top, int bottom, int right, double max, String unit, int labelWidth) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i <= 4; i++) {
            int yy = bottom - (bottom - top) * i / 4;
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(left, yy, right, yy);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Figures.fmt(max * i / 4) + unit, left - labelWidth, yy + 4);
        }
        g.setColor(Color.BLACK);
        g.drawLine(left, top, left, bottom);
        g.drawLine(left, bottom, right, bottom);
    }

    /** A white, anti-aliased canvas on {@code image} with {@code title} drawn at the top. */
    static Graphics2D canvas(BufferedImage image, String title) {
        System.setProperty("java.awt.headless", "true");
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, 20, 30);
        return g;
    }

    static double niceMax(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
