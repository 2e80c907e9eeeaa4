package baedal.bench.report;

import baedal.bench.measure.Figures;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** The flag evaluation benchmark's section of the docs page and its chart. */
public final class FlagEvaluationReport {

    private FlagEvaluationReport() {
    }

    public static String section(FlagEvaluationResult result) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(result.title()).append("\n\n");
        md.append("Measured ").append(result.machine().date()).append(" on ").append(result.machine().cores())
                .append(" cores, ").append(result.machine().jdk()).append(", commit ").append(result.machine().gitCommit())
                .append("; JMH ").append(result.jmh()).append(", ").append(result.forks()).append(" fork(s), ")
                .append(result.warmupIterations()).append(" warm-up and ").append(result.iterations())
                .append(" measured iterations of ").append(Figures.fmt(result.secondsPerIteration())).append(" s.\n\n");
        md.append("| evaluation | ns/op | ± (99.9 %) | × AtomicBoolean read |\n|---|---:|---:|---:|\n");
        for (FlagEvaluationResult.Score score : result.scores()) {
            md.append("| ").append(score.name()).append(" | ").append(String.format(Locale.ROOT, "%.2f", score.nsPerOp()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", score.error())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", score.ratio())).append(" |\n");
        }
        md.append("\n| target | goal | actual | |\n|---|---|---|---|\n");
        result.targets().forEach(target -> md.append("| ").append(target.name()).append(" | ").append(target.goal())
                .append(" | ").append(target.actual()).append(" | ").append(target.pass() ? "✅" : "❌").append(" |\n"));
        md.append("\n![flag evaluation](").append(result.chart()).append(")\n\n");
        md.append("Reproduce: `").append(result.command()).append("`\n");
        return md.toString();
    }

    public static void chart(FlagEvaluationResult result, Path png) throws IOException {
        int width = 900;
        int height = 420;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.canvas(image, "Flag evaluation, ns/op — " + result.machine().cores() + " cores, commit "
                + result.machine().gitCommit());
        double max = Canvas.niceMax(result.scores().stream().mapToDouble(FlagEvaluationResult.Score::nsPerOp).max().orElse(1));
        int left = 80;
        int top = 60;
        int bottom = height - 50;
        int right = width - 20;
        Canvas.axis(g, left, top, bottom, right, max, " ns", 70);
        int slot = (right - left) / Math.max(1, result.scores().size());
        for (int i = 0; i < result.scores().size(); i++) {
            FlagEvaluationResult.Score score = result.scores().get(i);
            int barH = (int) ((bottom - top) * Math.min(score.nsPerOp(), max) / max);
            int x = left + 15 + i * slot;
            g.setColor(i == 0 ? new Color(0xBAB0AC) : new Color(0x4E79A7));
            g.fillRect(x, bottom - barH, slot - 30, barH);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(String.format(Locale.ROOT, "%.2f ns (×%.1f)", score.nsPerOp(), score.ratio()), x, bottom - barH - 4);
            g.drawString(score.name(), x, bottom + 16);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }
}
