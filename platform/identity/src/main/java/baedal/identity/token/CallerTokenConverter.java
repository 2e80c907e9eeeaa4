package baedal.identity.token;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Turns a valid JWT into the authenticated {@link CallerAuthentication}; a token naming no valid caller is refused. */
public final class CallerTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final CallerClaims claims;

    public CallerTokenConverter(CallerClaims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        try {
            return new CallerAuthentication(jwt, claims.read(jwt.getClaims()));
        }
        catch (CallerClaims.InvalidClaims invalid) {
            throw new InvalidBearerTokenException(invalid.getMessage(), invalid);
        }
    }
}
