package baedal.flags;

/** A change made against a version of the flag that is no longer its current one: someone changed it meanwhile. */
public final class StaleFlagVersion extends RuntimeException {

    private final long current;

    public StaleFlagVersion(String key, long expected, long current) {
        super("flag " + key + " is at version " + current + ", not " + expected);
        this.current = current;
    }

    public long current() {
        return current;
    }
}
