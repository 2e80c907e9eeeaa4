package baedal.identity.issuer;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The resource owner password grant (RFC 6749 §4.3), which OAuth 2.1 and Spring Authorization Server dropped. The
 * embedded issuer serves it for its demo accounts only, to the {@code baedal-cli} client only, so that a script gets
 * a demo token with one request:
 * {@code curl -u baedal-cli: -d grant_type=password -d username=member-1001 -d password=demo …/oauth2/token}.
 */
final class PasswordGrant {

    static final AuthorizationGrantType TYPE = new AuthorizationGrantType("password");

    /** The public client scripts and tests use for it. */
    static final String CLI_CLIENT_ID = "baedal-cli";

    private PasswordGrant() {
    }
}
