package baedal.kernel;

/**
 * An amount of Korean won. The won has no minor unit in everyday use, so money is always an integral
 * number of won ({@code long}), never a floating-point value. Amounts are never negative: a deduction
 * is a positive amount that is subtracted, not a negative amount that is added.
 */
public record Money(long won) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public Money {
        if (won < 0) {
            throw new IllegalArgumentException("money cannot be negative: " + won);
        }
    }

    public static Money won(long won) {
        return new Money(won);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(won, other.won));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(won, other.won));
    }

    public Money times(int factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("factor cannot be negative: " + factor);
        }
        return new Money(Math.multiplyExact(won, factor));
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(won, other.won);
    }

    @Override
    public String toString() {
        return "₩" + won;
    }
}
