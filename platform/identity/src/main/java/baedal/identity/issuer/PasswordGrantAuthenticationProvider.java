package baedal.identity.issuer;

import java.util.Set;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.token.DefaultOAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Issues an access token for a demo account's name and password ({@link PasswordGrant}). Only a client registered
 * for the grant may use it, and only the {@link DemoAccounts} can sign in: no other user exists on the embedded
 * issuer, and the grant does not exist with an external one. The token is self-contained (valid by its signature
 * until it expires) and not stored, so it cannot be revoked.
 */
final class PasswordGrantAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider accounts;

    private final OAuth2TokenGenerator<? extends OAuth2Token> tokens;

    PasswordGrantAuthenticationProvider(DemoAccounts accounts, OAuth2TokenGenerator<? extends OAuth2Token> tokens) {
        this.accounts = new DaoAuthenticationProvider(accounts);
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        PasswordGrantAuthenticationToken grant = (PasswordGrantAuthenticationToken) authentication;
        if (!(grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
                || client.getRegisteredClient() == null) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        RegisteredClient registered = client.getRegisteredClient();
        if (!registered.getAuthorizationGrantTypes().contains(PasswordGrant.TYPE)) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT);
        }
        Set<String> scopes = grant.scopes();
        if (!registered.getScopes().containsAll(scopes)) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_SCOPE);
        }
        Authentication account;
        try {
            account = accounts.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(grant.username(), grant.password()));
        }
        catch (AuthenticationException refused) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                    "The username or password is not valid", null), refused);
        }
        OAuth2TokenContext context = DefaultOAuth2TokenContext.builder()
                .registeredClient(registered)
                .principal(account)
                .authorizationServerContext(AuthorizationServerContextHolder.getContext())
                .authorizedScopes(scopes)
                .tokenType(OAuth2TokenType.ACCESS_TOKEN)
                .authorizationGrantType(PasswordGrant.TYPE)
                .authorizationGrant(grant)
                .build();
        OAuth2Token generated = tokens.generate(context);
        if (generated == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR,
                    "The token generator failed to generate the access token.", null));
        }
        OAuth2AccessToken accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                generated.getTokenValue(), generated.getIssuedAt(), generated.getExpiresAt(), scopes);
        return new OAuth2AccessTokenAuthenticationToken(registered, client, accessToken);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PasswordGrantAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
