package baedal.orderview.messaging;

/**
 * A seam for tests that kill a projector at the worst moments: before the batch's store transaction (nothing
 * written) and after it committed but before the offsets are committed (written, yet to be delivered again).
 * Throwing {@link Crash} ends the consumer at once without committing offsets, as a dying process would.
 */
public interface ProjectorFaults {

    ProjectorFaults NONE = new ProjectorFaults() { };

    default void beforeStoreWrite(int records) {
    }

    default void afterStoreCommit(int records) {
    }

    /** Ends the consumer on the spot: no offset commit, no retry. */
    final class Crash extends RuntimeException {

        public Crash(String message) {
            super(message);
        }
    }
}
