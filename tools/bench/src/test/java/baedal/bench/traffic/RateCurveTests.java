package baedal.bench.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateCurveTests {

    @Test
    void theDinnerPeakAt1830IsThePeakRateAndLunchAtNoonIsAPeakToo() {
        assertThat(RateCurve.Day.share(18.5)).isCloseTo(1.0, within(0.02));
        double lunch = RateCurve.Day.share(12.0);
        assertThat(lunch).isBetween(0.7, 0.9);
        assertThat(lunch).isGreaterThan(RateCurve.Day.share(10.5)).isGreaterThan(RateCurve.Day.share(15.0));
        assertThat(RateCurve.Day.share(18.5)).isGreaterThan(RateCurve.Day.share(16.0))
                .isGreaterThan(RateCurve.Day.share(21.0));
        assertThat(RateCurve.Day.share(4.0)).isLessThan(0.05);
        for (int minute = 0; minute <= 24 * 60; minute++) {
            assertThat(RateCurve.Day.share(minute / 60.0)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aDayCompressesItsHoursEvenlyIntoTheRun() {
        RateCurve.Day day = new RateCurve.Day(200, 110, 10, 21);
        assertThat(day.hourAt(0)).isEqualTo(10.0);
        assertThat(day.hourAt(20)).isCloseTo(12.0, within(1e-9));
        assertThat(day.hourAt(85)).isCloseTo(18.5, within(1e-9));
        assertThat(day.hourAt(500)).isEqualTo(21.0);
        assertThat(day.rateAt(85)).isCloseTo(200, within(4.0));
        assertThat(day.rateAt(20)).isCloseTo(200 * RateCurve.Day.share(12), within(1e-9));
    }

    @Test
    void rejectsRatesAndDaysThatCannotBeRun() {
        assertThatThrownBy(() -> new RateCurve.Fixed(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateCurve.Day(100, 60, 21, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateCurve.Day(100, 0, 10, 21)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RateCurve.Fixed(35).rateAt(1234)).isEqualTo(35.0);
    }
}
