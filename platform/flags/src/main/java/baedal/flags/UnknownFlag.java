package baedal.flags;

/** No flag of this key is declared in the code. */
public final class UnknownFlag extends RuntimeException {

    public UnknownFlag(String key) {
        super("no flag is declared with key " + key);
    }
}
