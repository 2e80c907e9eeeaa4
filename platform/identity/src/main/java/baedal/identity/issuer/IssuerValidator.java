package baedal.identity.issuer;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.web.util.UrlUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Accepts only tokens the embedded issuer issued as it names itself: {@code baedal.identity.issuer.uri} when set;
 * else, as Spring Authorization Server does, the URL the request came to (scheme, host, port, context path) — so a
 * token fetched from {@code http://localhost:8080} is accepted on {@code http://localhost:8080}.
 */
final class IssuerValidator implements OAuth2TokenValidator<Jwt> {

    private final @Nullable String configured;

    IssuerValidator(@Nullable String configured) {
        this.configured = configured;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String expected = configured != null ? configured : fromCurrentRequest();
        if (expected != null && expected.equals(token.getClaimAsString(JwtClaimNames.ISS))) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The token was issued by another issuer than " + (expected == null ? "this one" : expected), null));
    }

    static @Nullable String fromCurrentRequest() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        return UriComponentsBuilder.fromUriString(UrlUtils.buildFullRequestUrl(request))
                .replacePath(request.getContextPath())
                .replaceQuery(null)
                .fragment(null)
                .build()
                .toUriString();
    }
}
