package baedal.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void rejectsNegativeAmount() {
        assertThatThrownBy(() -> Money.won(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsAndMultipliesInWholeWon() {
        assertThat(Money.won(18_000).times(2).plus(Money.won(3_000))).isEqualTo(Money.won(39_000));
    }

    @Test
    void rejectsASubtractionBelowZero() {
        assertThatThrownBy(() -> Money.won(1_000).minus(Money.won(1_001))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsOverflowInsteadOfWrappingAround() {
        assertThatThrownBy(() -> Money.won(Long.MAX_VALUE).plus(Money.won(1))).isInstanceOf(ArithmeticException.class);
    }
}
