package baedal.bench.traffic;

import baedal.bench.measure.Figures;

/**
 * The arrival rate of new orders over a run, in orders/s at a number of seconds into the run. Pure: no I/O, no clock.
 */
public sealed interface RateCurve {

    /** Orders/s at {@code seconds} into the run. */
    double rateAt(double seconds);

    /** A short label for reports, e.g. {@code fixed 200/s} or {@code day 00–24 h in 10 min, peak 300/s}. */
    String label();

    /** The same rate all the time. */
    record Fixed(double rate) implements RateCurve {
        public Fixed {
            if (!(rate > 0)) {
                throw new IllegalArgumentException("rate must be > 0: " + rate);
            }
        }

        @Override
        public double rateAt(double seconds) {
            return rate;
        }

        @Override
        public String label() {
            return "fixed " + Figures.fmt(rate) + "/s";
        }
    }

    /**
     * A delivery day compressed into {@code runSeconds}: hours {@code fromHour} to {@code toHour} of the day pass
     * evenly over the run, and the rate follows {@link #share(double)}, a day's profile whose highest point (the
     * dinner peak at 18:30) is {@code peakRate}; lunch peaks at 12:00.
     */
    record Day(double peakRate, double runSeconds, double fromHour, double toHour) implements RateCurve {
        public Day {
            if (!(peakRate > 0) || !(runSeconds > 0) || fromHour < 0 || toHour > 24 || !(fromHour < toHour)) {
                throw new IllegalArgumentException("a day needs peakRate > 0, runSeconds > 0 and 0 <= from < to <= 24");
            }
        }

        /** The hour of day ({@code 0..24}) at {@code seconds} into the run. */
        double hourAt(double seconds) {
            double clamped = Math.max(0, Math.min(runSeconds, seconds));
            return fromHour + (toHour - fromHour) * clamped / runSeconds;
        }

        @Override
        public double rateAt(double seconds) {
            return peakRate * share(hourAt(seconds));
        }

        @Override
        public String label() {
            return String.format(java.util.Locale.ROOT, "day %02.0f–%02.0f h in %s s, peak %s/s", fromHour, toHour,
                    Figures.fmt(runSeconds), Figures.fmt(peakRate));
        }

        /**
         * The share of the dinner peak's rate at {@code hour} of day: a quiet night, a lunch peak at 12:00 (0.8 of
         * dinner), an afternoon lull, the dinner peak at 18:30 (1.0) and a late-night tail (야식). A smooth sum of bells
         * over a small base, scaled so that its maximum is 1.
         */
        static double share(double hour) {
            return Math.min(1, raw(hour) / MAX);
        }

        private static double raw(double hour) {
            return 0.02
                    + 0.10 * bell(hour, 9.0, 1.5)     // breakfast and coffee
                    + 0.78 * bell(hour, 12.0, 0.9)    // lunch
                    + 0.22 * bell(hour, 15.0, 1.5)    // afternoon snacks
                    + 0.97 * bell(hour, 18.5, 1.1)    // dinner
                    + 0.30 * bell(hour, 22.0, 1.4);   // late night
        }

        private static double bell(double x, double centre, double width) {
            double z = (x - centre) / width;
            return Math.exp(-0.5 * z * z);
        }

        /** The profile's maximum (near 18:30), found once by scanning the day in minute steps. */
        private static final double MAX;

        static {
            double max = 0;
            for (int minute = 0; minute <= 24 * 60; minute++) {
                max = Math.max(max, raw(minute / 60.0));
            }
            MAX = max;
        }
    }
}
