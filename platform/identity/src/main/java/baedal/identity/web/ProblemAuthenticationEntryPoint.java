package baedal.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request without a valid bearer token: 401 with {@code WWW-Authenticate: Bearer …} (RFC 6750, with the
 * token's error when one was sent) and a problem body of type {@code unauthorized}.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    ProblemAuthenticationEntryPoint(String realm) {
        bearer.setRealmName(realm);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearer.commence(request, response, failure);
        ProblemResponses.unauthorized(request, response, detail(failure));
    }

    static final String TOKEN_NEEDED = "This endpoint needs a valid bearer token (Authorization: Bearer <access token>).";

    static String detail(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String description = oauth.getError().getDescription();
            return "The bearer token is not valid" + (description == null ? "." : ": " + description);
        }
        return TOKEN_NEEDED;
    }
}
