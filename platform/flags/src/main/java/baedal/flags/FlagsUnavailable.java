package baedal.flags;

/** This instance cannot change flags: their database was unreachable when it started, so it has no outbox for them. */
public final class FlagsUnavailable extends RuntimeException {

    public FlagsUnavailable() {
        super("this instance started without the flags' database and cannot change flags until it is restarted; "
                + "change them on another instance");
    }
}
