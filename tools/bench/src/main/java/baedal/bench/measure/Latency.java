package baedal.bench.measure;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds, from an HdrHistogram recorded in microseconds. */
public record Latency(long samples, double mean, double p50, double p90, double p99, double p999, double max) {

    /** The highest latency every histogram of the harness records: one hour, in microseconds (3 significant digits). */
    public static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    public static Latency of(Histogram micros) {
        return new Latency(micros.getTotalCount(), ms(micros.getMean()),
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()));
    }

    private static double ms(double micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
