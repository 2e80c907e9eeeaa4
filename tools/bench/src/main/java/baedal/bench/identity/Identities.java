package baedal.bench.identity;

/**
 * How the harness authenticates: where its tokens come from and whom it may act as. Closing it stops the harness's
 * issuer when it owns one.
 *
 * @param tokens      the tokens
 * @param population  whom the traffic may act as
 * @param description for the log and the report, e.g. {@code the harness's own issuer at http://127.0.0.1:41234}
 * @param owned       what {@link #close()} stops (may be {@code null})
 */
public record Identities(Tokens tokens, Population population, String description, AutoCloseable owned)
        implements AutoCloseable {

    /** Tokens of the harness's own issuer, for anyone; the issuer is not stopped by {@link #close()}. */
    public static Identities of(HarnessIssuer issuer) {
        return new Identities(issuer, Population.anyone(), "the harness's own issuer at " + issuer.issuer(), null);
    }

    public String bearer(Subject subject) {
        return tokens.bearer(subject);
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception ignored) {
                // stopping a local HTTP server
            }
        }
    }
}
