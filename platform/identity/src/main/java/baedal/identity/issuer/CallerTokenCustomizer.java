package baedal.identity.issuer;

import baedal.identity.Caller;
import baedal.identity.token.CallerClaims;
import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the caller into the embedded issuer's tokens: the roles and subject ids of the demo account (or, for the
 * client credentials grant, role {@code SERVICE} with the client as subject) under the configured claim names, and,
 * in access tokens, baedal's audience and the client id.
 */
final class CallerTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final DemoAccounts accounts;

    private final CallerClaims claims;

    private final String audience;

    CallerTokenCustomizer(DemoAccounts accounts, CallerClaims claims, String audience) {
        this.accounts = accounts;
        this.claims = claims;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        String clientId = context.getRegisteredClient().getClientId();
        Caller caller = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                ? Caller.service(clientId, context.getAuthorizedScopes())
                : accounts.caller(context.getPrincipal().getName()).orElseThrow(() -> new IllegalStateException(
                        "The embedded issuer signed in " + context.getPrincipal().getName()
                                + ", which is no demo account"));
        claims.write(caller).forEach((name, value) -> context.getClaims().claim(name, value));
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().claim("client_id", clientId);
            if (!audience.isBlank()) {
                context.getClaims().audience(List.of(audience));
            }
        }
    }
}
