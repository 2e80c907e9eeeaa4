package baedal.bench.baseline;

/**
 * A baseline that could not be measured (the peer failed, the backlog did not drain): {@link Baselines#run} reports it
 * as a note instead of a comparison and goes on with the other baselines.
 */
final class BaselineFailed extends Exception {

    BaselineFailed(String message) {
        super(message);
    }
}
