package baedal.bench;

import baedal.bench.identity.HarnessIssuer;
import baedal.bench.identity.Identities;
import baedal.bench.identity.PasswordGrantTokens;
import baedal.bench.identity.Population;
import baedal.bench.identity.Subject;
import baedal.bench.identity.Tokens;
import baedal.bench.measure.Log;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * How the harness authenticates against a deployment it did not start ({@code --target}). Its own clusters and
 * in-process platforms trust the harness's issuer by configuration; a target trusts whom it was told to:
 * <ul>
 * <li>{@code --issuer-port <port>}: the harness's own issuer, serving its JWK set on {@code 127.0.0.1:<port>}, for a
 * target started with {@code --spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:<port>/jwks}
 * and {@code --spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:<port>}: any member, shop and
 * rider, as on the harness's own cluster;</li>
 * <li>{@code --token-url <url>}: the target's embedded issuer, by its password grant (e.g.
 * {@code http://localhost:8080/oauth2/token}, on the same host name as the target: the embedded issuer's tokens are
 * valid at the URL that issued them), which signs in the demo accounts only: the traffic is restricted to them
 * (members 1001–1010, shops 1–3, riders 501–510);</li>
 * <li>neither: the harness's issuer on a free port, which only a target that ignores tokens accepts.</li>
 * </ul>
 */
final class TargetIdentityOptions {

    @Option(names = "--issuer-port", paramLabel = "<port>", description = "with --target: serve the harness's own "
            + "token issuer (JWK set at http://127.0.0.1:<port>/jwks, issuer http://127.0.0.1:<port>) on this port, "
            + "for a target started with --spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:"
            + "<port>/jwks and --spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:<port>")
    Integer issuerPort;

    @Option(names = "--token-url", paramLabel = "<url>", description = "with --target: get tokens from the target's "
            + "embedded issuer by its password grant (e.g. http://localhost:8080/oauth2/token, on the host name of "
            + "--target: its tokens are valid at the URL that issued them); it signs in the demo accounts only, so the "
            + "traffic is restricted to them")
    URI tokenUrl;

    @Option(names = "--token-password", paramLabel = "<p>", defaultValue = "demo",
            description = "with --token-url: the demo accounts' password (default ${DEFAULT-VALUE})")
    String tokenPassword;

    /** Refuses both ways at once, and either without a target. */
    void check(boolean target) {
        if (issuerPort != null && tokenUrl != null) {
            throw new IllegalArgumentException("--issuer-port or --token-url: the target trusts one issuer");
        }
        if (!target && (issuerPort != null || tokenUrl != null)) {
            throw new IllegalArgumentException("--issuer-port and --token-url are for --target: the harness's own "
                    + "platform trusts the harness's issuer");
        }
        if (issuerPort != null && (issuerPort < 1 || issuerPort > 65535)) {
            throw new IllegalArgumentException("--issuer-port is a TCP port: " + issuerPort);
        }
    }

    /** How the run against a target authenticated, for the report's notes. */
    String note() {
        if (tokenUrl != null) {
            return "Tokens from the target's password grant at " + tokenUrl + ": the traffic was restricted to the "
                    + "demo accounts (" + Population.demoAccounts().describe() + ").";
        }
        return "Tokens of the harness's own issuer" + (issuerPort == null ? " on a free port (a target that checks "
                + "tokens refuses them)." : " at http://127.0.0.1:" + issuerPort + ".");
    }

    /** The identities to drive the target with; logs how, and whom the traffic may act as. */
    Identities open() {
        if (tokenUrl != null) {
            PasswordGrantTokens tokens = new PasswordGrantTokens(tokenUrl, tokenPassword);
            try {
                tokens.bearer(Subject.operator()); // fails now, not as errors of every request
            } catch (Tokens.TokenUnavailable unavailable) {
                throw new IllegalStateException("no token from --token-url " + tokenUrl + ": "
                        + unavailable.getMessage(), unavailable);
            }
            Population demo = Population.demoAccounts();
            Log.line("tokens: the target's password grant at " + tokenUrl + ", which serves the demo accounts only: "
                    + "the traffic is restricted to " + demo.describe());
            return new Identities(tokens, demo, "the target's embedded issuer (password grant at " + tokenUrl
                    + ", demo accounts only)", null);
        }
        HarnessIssuer issuer = HarnessIssuer.start(issuerPort == null ? 0 : issuerPort);
        if (issuerPort == null) {
            Log.line("tokens: the harness's own issuer at " + issuer.issuer() + " (a free port): only a target that "
                    + "ignores tokens accepts them; give --issuer-port (and start the target trusting it) or "
                    + "--token-url");
        } else {
            Log.line("tokens: the harness's own issuer at " + issuer.issuer() + "; the target must have been started "
                    + "with " + String.join(" ", issuer.platformSettings().entrySet().stream()
                            .map(e -> "--" + e.getKey() + "=" + e.getValue()).toList()));
        }
        return new Identities(issuer, Population.anyone(), "the harness's own issuer at " + issuer.issuer(), issuer);
    }
}
