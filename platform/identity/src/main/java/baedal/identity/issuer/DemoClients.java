package baedal.identity.issuer;

import baedal.identity.IdentityProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The embedded issuer's clients: {@code baedal-cli} (public, password grant, for scripts and tests),
 * {@code baedal-console} (public, authorization code with PKCE, for the operator console in a browser) and one
 * confidential client per configured service (client credentials grant, its scopes).
 */
final class DemoClients {

    static final String CONSOLE_CLIENT_ID = "baedal-console";

    private static final int BCRYPT_STRENGTH = 4;

    private DemoClients() {
    }

    static List<RegisteredClient> of(IdentityProperties.Issuer issuer) {
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(issuer.accessTokenTtl())
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED).build();
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(RegisteredClient.withId(PasswordGrant.CLI_CLIENT_ID).clientId(PasswordGrant.CLI_CLIENT_ID)
                .clientName("baedal scripts and tests (demo accounts)")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(PasswordGrant.TYPE)
                .tokenSettings(tokens)
                .build());
        clients.add(RegisteredClient.withId(CONSOLE_CLIENT_ID).clientId(CONSOLE_CLIENT_ID)
                .clientName("baedal operator console")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> issuer.consoleRedirectUris().stream().map(URI::toString).forEach(uris::add))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokens)
                .build());
        BCryptPasswordEncoder secrets = new BCryptPasswordEncoder(BCRYPT_STRENGTH);
        issuer.services().forEach((clientId, service) -> clients.add(RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName("service " + clientId)
                .clientSecret("{bcrypt}" + secrets.encode(service.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(service.scopes()))
                .tokenSettings(tokens)
                .build()));
        return clients;
    }
}
