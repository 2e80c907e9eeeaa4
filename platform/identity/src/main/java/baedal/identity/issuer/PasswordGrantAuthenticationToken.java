package baedal.identity.issuer;

import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;

/** A token request of the {@link PasswordGrant}: the demo account's name and password and the requested scopes. */
final class PasswordGrantAuthenticationToken extends OAuth2AuthorizationGrantAuthenticationToken {

    private final String username;

    private final String password;

    private final Set<String> scopes;

    PasswordGrantAuthenticationToken(String username, String password, Set<String> scopes,
            Authentication clientPrincipal, Map<String, Object> additionalParameters) {
        super(PasswordGrant.TYPE, clientPrincipal, additionalParameters);
        this.username = username;
        this.password = password;
        this.scopes = Set.copyOf(scopes);
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    Set<String> scopes() {
        return scopes;
    }

    @Override
    public Object getCredentials() {
        return "";
    }
}
