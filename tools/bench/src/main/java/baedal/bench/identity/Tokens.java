package baedal.bench.identity;

import java.util.Collection;

/** Where the harness gets the bearer token a {@link Subject} sends. Thread-safe; tokens are cached per subject. */
@FunctionalInterface
public interface Tokens {

    /**
     * A valid access token of {@code subject} (the JWT, without {@code Bearer }).
     *
     * @throws TokenUnavailable when no token can be had for it (e.g. not a demo account of the target's issuer)
     */
    String bearer(Subject subject);

    /**
     * Gets every one of {@code subjects}' tokens now (in parallel), so that minting or fetching them is not measured
     * as part of the first requests.
     */
    default void prepare(Collection<Subject> subjects) {
        subjects.parallelStream().distinct().forEach(this::bearer);
    }

    /** No token for a subject: a client-side failure, counted as an error and never retried. */
    final class TokenUnavailable extends RuntimeException {

        public TokenUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
