package baedal.bench.measure;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the harness writes its figures, in reports and in labels alike, so that one number reads the same in a table,
 * a chart and a fault's name.
 */
public final class Figures {

    private Figures() {
    }

    /** A whole number with thousands separators, else one decimal from 100 up and two below; {@code n/a} for none. */
    public static String fmt(Double value) {
        if (value == null) {
            return "n/a";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", value.longValue());
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.1f" : "%.2f", value);
    }

    /** Milliseconds with two decimals. */
    public static String ms(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Errors by kind, e.g. {@code HTTP 503: 2, SocketTimeoutException: 1}; {@code 0} for none. */
    public static String errors(Map<String, Long> errors) {
        if (errors.isEmpty()) {
            return "0";
        }
        return errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** {@code value} rounded half up to {@code decimals} decimals, as the reports and the JSON carry it. */
    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
