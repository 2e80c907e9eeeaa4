package baedal.bench.identity;

/** Where the harness gets the bearer token a {@link Subject} sends. Thread-safe; tokens are cached per subject. */
@FunctionalInterface
public interface Tokens {

    /**
     * A valid access token of {@code subject} (the JWT, without {@code Bearer }).
     *
     * @throws TokenUnavailable when no token can be had for it (e.g. not a demo account of the target's issuer)
     */
    String bearer(Subject subject);

    /** No token for a subject: a client-side failure, counted as an error and never retried. */
    final class TokenUnavailable extends RuntimeException {

        public TokenUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
