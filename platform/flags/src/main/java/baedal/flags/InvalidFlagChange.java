package baedal.flags;

/** A change an operator asked for that the flag cannot take (a percentage outside 0–100, a rule that does not parse…). */
public final class InvalidFlagChange extends RuntimeException {

    public InvalidFlagChange(String message) {
        super(message);
    }
}
